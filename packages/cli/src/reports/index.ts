import type * as E from 'fp-ts/lib/Either.js';
import type { AuthorizationDenial } from '@clientele/eventstore';
import type { ReadAccess, ReadModelStore } from '@clientele/projections';
import { funnelReport } from './funnelReport.js';
import { performanceReport } from './performanceReport.js';
import { pipelineReport } from './pipelineReport.js';
import { receivablesReport } from './receivablesReport.js';
import { roiReport } from './roiReport.js';
import { serviceReport } from './serviceReport.js';
import type { RenderedReport, ReportOptions } from './reportSection.js';

export type { RenderedReport, ReportOptions } from './reportSection.js';

/**
 * Builds one report from the read models as `access` allows: the records within the actor's
 * scope, or the denial naming the permission the report needs.
 */
export type ReportBuilder = (
  readModels: ReadModelStore,
  access: ReadAccess,
  options: ReportOptions,
) => Promise<E.Either<AuthorizationDenial, RenderedReport>>;

/** The names of the reports `clientele report` can print. */
export type ReportName = 'funnel' | 'roi' | 'receivables' | 'performance' | 'pipeline' | 'service';

/** Every report `clientele report` can print, by name. */
export const reports: Readonly<Record<ReportName, ReportBuilder>> = {
  funnel: funnelReport,
  roi: roiReport,
  receivables: receivablesReport,
  performance: performanceReport,
  pipeline: pipelineReport,
  service: serviceReport,
};

/** The four reports the demo prints. */
export const DEMO_REPORTS: readonly ReportName[] = ['funnel', 'roi', 'receivables', 'performance'];

/** Whether a word names a report. */
export const isReportName = (name: string): name is ReportName => Object.hasOwn(reports, name);
