import type { ReadRefusal } from '@clientele/projections';
import type * as E from 'fp-ts/lib/Either.js';
import { FUNNEL_GROUPINGS, funnelReport, funnelShape } from './funnelReport.js';
import { PERFORMANCE_GROUPINGS, performanceReport, performanceShape } from './performanceReport.js';
import { pipelineReport, pipelineShape } from './pipelineReport.js';
import { receivablesReport, receivablesShape } from './receivablesReport.js';
import type { Report, ReportName } from './report.js';
import type { ReportShape } from './reportJson.js';
import { roiReport, roiShape } from './roiReport.js';
import { serviceReport, serviceShape } from './serviceReport.js';
import type { ReportContext, ReportOptions } from './reportSection.js';

export type { Report, ReportName } from './report.js';
export type { ReportContext, ReportOptions } from './reportSection.js';

/**
 * Builds one report as `access` allows: the records within the actor's scope, or the denial
 * naming the permission the report needs.
 */
export type ReportBuilder = (
  context: ReportContext,
  options: ReportOptions,
) => Promise<E.Either<ReadRefusal, Report>>;

/** One report: how to build it, its columns, and the groupings `--by` may name. */
export interface ReportDefinition {
  readonly build: ReportBuilder;
  readonly shape: ReportShape;
  /** The groupings `--by` accepts; empty when the report has none. */
  readonly groupings: readonly string[];
}

/** Every report `clientele report` can print, by name. */
export const reports: Readonly<Record<ReportName, ReportDefinition>> = {
  funnel: { build: funnelReport, shape: funnelShape, groupings: FUNNEL_GROUPINGS },
  roi: { build: roiReport, shape: roiShape, groupings: [] },
  receivables: { build: receivablesReport, shape: receivablesShape, groupings: [] },
  performance: {
    build: performanceReport,
    shape: performanceShape,
    groupings: PERFORMANCE_GROUPINGS,
  },
  pipeline: { build: pipelineReport, shape: pipelineShape, groupings: [] },
  service: { build: serviceReport, shape: serviceShape, groupings: [] },
};

/** The four reports the demo prints. */
export const DEMO_REPORTS: readonly ReportName[] = ['funnel', 'roi', 'receivables', 'performance'];

/** Whether a word names a report. */
export const isReportName = (name: string): name is ReportName => Object.hasOwn(reports, name);
