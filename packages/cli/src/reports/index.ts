import type { ReadModelStore } from '@clientele/projections';
import { funnelReport } from './funnelReport.js';
import { performanceReport } from './performanceReport.js';
import { pipelineReport } from './pipelineReport.js';
import { receivablesReport } from './receivablesReport.js';
import type { RenderedReport, ReportOptions } from './reportSection.js';

export type { RenderedReport, ReportOptions } from './reportSection.js';

/** Builds one report from the read models. */
export type ReportBuilder = (
  readModels: ReadModelStore,
  options: ReportOptions,
) => Promise<RenderedReport>;

/** The names of the reports `clientele report` can print. */
export type ReportName = 'funnel' | 'pipeline' | 'performance' | 'receivables';

/** Every report `clientele report` can print, by name. */
export const reports: Readonly<Record<ReportName, ReportBuilder>> = {
  funnel: funnelReport,
  pipeline: pipelineReport,
  performance: performanceReport,
  receivables: receivablesReport,
};

/** The four reports the demo prints. */
export const DEMO_REPORTS: readonly ReportName[] = [
  'funnel',
  'performance',
  'receivables',
  'pipeline',
];

/** Whether a word names a report. */
export const isReportName = (name: string): name is ReportName => Object.hasOwn(reports, name);
