import type { ReadRefusal } from '@clientele/projections';
import type * as E from 'fp-ts/lib/Either.js';
import {
  activitiesReport,
  activitiesShape,
  followUpReport,
  followUpShape,
  neglectedReport,
  neglectedShape,
} from './engagementReports.js';
import { FUNNEL_GROUPINGS, funnelReport, funnelShape } from './funnelReport.js';
import { PERFORMANCE_GROUPINGS, performanceReport, performanceShape } from './performanceReport.js';
import { pipelineReport, pipelineShape } from './pipelineReport.js';
import { receivablesReport, receivablesShape } from './receivablesReport.js';
import type { Report, ReportName } from './report.js';
import type { ReportShape } from './reportJson.js';
import { roiReport, roiShape } from './roiReport.js';
import { serviceReport, serviceShape } from './serviceReport.js';
import { scoresReport, scoresShape } from './scoresReport.js';
import { segmentsReport, segmentsShape } from './segmentsReport.js';
import { churnReport, churnShape, creditReport, creditShape } from './riskReports.js';
import { conversionReport, conversionShape } from './conversionReport.js';
import { FORECAST_GROUPINGS, forecastReport, forecastShape } from './forecastReport.js';
import { REVENUE_GROUPINGS, revenueReport, revenueShape } from './revenueReport.js';
import { quotesReport, quotesShape } from './quotesReport.js';
import { contractsReport, contractsShape } from './contractsReport.js';
import { expensesReport, expensesShape } from './expensesReport.js';
import {
  PROFITABILITY_GROUPINGS,
  profitabilityReport,
  profitabilityShape,
} from './profitabilityReport.js';
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
  activities: { build: activitiesReport, shape: activitiesShape, groupings: [] },
  neglected: { build: neglectedReport, shape: neglectedShape, groupings: [] },
  followup: { build: followUpReport, shape: followUpShape, groupings: [] },
  scores: { build: scoresReport, shape: scoresShape, groupings: [] },
  forecast: { build: forecastReport, shape: forecastShape, groupings: FORECAST_GROUPINGS },
  segments: { build: segmentsReport, shape: segmentsShape, groupings: [] },
  churn: { build: churnReport, shape: churnShape, groupings: [] },
  credit: { build: creditReport, shape: creditShape, groupings: [] },
  conversion: { build: conversionReport, shape: conversionShape, groupings: [] },
  revenue: { build: revenueReport, shape: revenueShape, groupings: REVENUE_GROUPINGS },
  quotes: { build: quotesReport, shape: quotesShape, groupings: [] },
  contracts: { build: contractsReport, shape: contractsShape, groupings: [] },
  expenses: { build: expensesReport, shape: expensesShape, groupings: [] },
  profitability: {
    build: profitabilityReport,
    shape: profitabilityShape,
    groupings: PROFITABILITY_GROUPINGS,
  },
};

/** The four reports the demo prints. */
export const DEMO_REPORTS: readonly ReportName[] = ['funnel', 'roi', 'receivables', 'performance'];

/** Whether a word names a report. */
export const isReportName = (name: string): name is ReportName => Object.hasOwn(reports, name);
