import type { DealDocument, PerformanceGrouping, ReadModelStore } from '@clientele/projections';
import { creditedGroups, periodOf } from '@clientele/projections';
import type { DashboardFilters } from '@clientele/dashboard';
import type { ReportOptions } from '../reports/index.js';
import { withinRange } from '../reports/reportSection.js';

const GROUPINGS: readonly PerformanceGrouping[] = ['rep', 'team', 'office'];
const PERIODS: readonly ReportOptions['period'][] = ['month', 'quarter', 'year', 'all'];

/** Which deals a figure counts: the filters of the page, and the figure's own condition. */
export interface DealQuery extends DashboardFilters {
  /** `won`, `lost`, `closed` (won or lost) or `open`. */
  readonly outcome?: string;
  readonly forecastCategory?: string;
  /** A pipeline stage the deal reached (`won` counts won deals). */
  readonly stage?: string;
  readonly campaign?: string;
}

/** The report options the page's filters mean (period bucketing and the day range). */
export const reportOptionsOf = (filters: DashboardFilters, asOf: string): ReportOptions => ({
  period: PERIODS.find((period) => period === filters.period) ?? 'quarter',
  by: filters.by,
  asOf,
  from: filters.from,
  to: filters.to,
  detail: true,
});

/** The grouping of the filters, rep when not one of rep, team or office. */
export const groupingOf = (filters: DashboardFilters): PerformanceGrouping =>
  GROUPINGS.find((grouping) => grouping === filters.by) ?? 'rep';

/** The day a deal counts on: its close day, or, while open, its expected close day. */
export const dealDay = (deal: DealDocument): string | null =>
  deal.outcome === 'open' ? deal.expectedCloseOn : deal.closedOn;

const outcomeMatches = (deal: DealDocument, outcome: string | undefined): boolean =>
  outcome === undefined ||
  (outcome === 'closed' ? deal.outcome !== 'open' : deal.outcome === outcome);

const stageMatches = (deal: DealDocument, stage: string | undefined): boolean =>
  stage === undefined ||
  (stage === 'won' ? deal.outcome === 'won' : deal.reachedStageIds.includes(stage));

const forecastMatches = (deal: DealDocument, forecastCategory: string | undefined): boolean =>
  forecastCategory === undefined ||
  (deal.outcome === 'open' && deal.forecastCategory === forecastCategory);

const campaignMatches = (
  deal: DealDocument,
  campaignIds: ReadonlySet<string> | undefined,
): boolean =>
  campaignIds === undefined || (deal.campaignId !== null && campaignIds.has(deal.campaignId));

/** The query's conditions on the deal itself, whatever day it counts on. */
const dealMatches = (
  deal: DealDocument,
  query: DealQuery,
  campaignIds: ReadonlySet<string> | undefined,
): boolean =>
  outcomeMatches(deal, query.outcome) &&
  stageMatches(deal, query.stage) &&
  forecastMatches(deal, query.forecastCategory) &&
  campaignMatches(deal, campaignIds) &&
  (query.owner === undefined || deal.ownerId === query.owner);

/**
 * A predicate over deals for a query: outcome, forecast category, stage, campaign, owner, the
 * group the deal is credited to on its day (as the performance report credits it), and the
 * period range. Read scope is applied by the caller.
 */
export const dealSelection = async (
  readModels: ReadModelStore,
  query: DealQuery,
  asOf: string,
  campaignIds: ReadonlySet<string> | undefined,
): Promise<(deal: DealDocument) => boolean> => {
  const groupOf = await creditedGroups(readModels, groupingOf(query));
  const options = reportOptionsOf(query, asOf);
  return (deal) => {
    const day = dealDay(deal);
    return (
      day !== null &&
      dealMatches(deal, query, campaignIds) &&
      (query.group === undefined || groupOf(deal.ownerId, day) === query.group) &&
      withinRange(periodOf(day, options.period), options)
    );
  };
};
