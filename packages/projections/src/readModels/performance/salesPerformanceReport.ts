import * as E from 'fp-ts/lib/Either.js';
import { type ReadRefusal, answerUnbuilt } from '../../store/projectionNotBuilt.js';
import { inReadScope } from '@clientele/domain';
import type { ReadAccess } from '../../access/readAccess.js';
import { type Ratio, ratio, roundHalfEven } from '../../definitions/ratio.js';
import type { Period } from '../../definitions/periods.js';
import { periodOf } from '../../definitions/periods.js';
import { type MoneyByCurrency, addAmount } from '../../definitions/moneyByCurrency.js';
import { type DurationSummary, summarizeDurations } from '../../definitions/percentiles.js';
import { activeDocuments } from '../../store/activeDocuments.js';
import type { ReadModelStore } from '../../store/readModelStore.js';
import { DealDocument } from '../deals/dealDocument.js';
import { type PerformanceGrouping, creditedGroups } from '../salesOrganization/creditedGroup.js';

export type { PerformanceGrouping } from '../salesOrganization/creditedGroup.js';

/** Sales figures of one rep, team, manager, office or region in one period. */
export interface PerformanceRow {
  readonly group: string;
  readonly period: string;
  readonly won: number;
  readonly lost: number;
  /** Won ÷ closed. */
  readonly winRate: Ratio;
  readonly wonRevenue: MoneyByCurrency;
  /** Won revenue ÷ won deals, per currency, in minor units. */
  readonly averageDealSize: Readonly<Record<string, Ratio>>;
  /** Days from open to win, of the deals won. */
  readonly salesCycleDays: DurationSummary;
  /** Open deals expected to close in the period, per currency. */
  readonly openPipeline: MoneyByCurrency;
  /** Σ amount × probability of those deals, per currency, rounded half-even to minor units. */
  readonly weightedPipeline: MoneyByCurrency;
}

const dayNumber = (day: string): number => Date.parse(`${day}T00:00:00Z`) / 86_400_000;

/** One group's figures over one period, as the deals are counted. */
interface Bucket {
  readonly group: string;
  readonly period: string;
  won: number;
  lost: number;
  revenue: MoneyByCurrency;
  readonly wonByCurrency: Record<string, number>;
  readonly cycles: number[];
  open: MoneyByCurrency;
  readonly weightedBps: Map<string, bigint>;
}

const emptyBucket = (group: string, period: string): Bucket => ({
  group,
  period,
  won: 0,
  lost: 0,
  revenue: {},
  wonByCurrency: {},
  cycles: [],
  open: {},
  weightedBps: new Map<string, bigint>(),
});

/** Counts a deal on its day: open in the pipeline (weighted), won with its revenue and cycle, or lost. */
const addDeal = (bucket: Bucket, deal: DealDocument, day: string): void => {
  if (deal.outcome === 'open') {
    const { amountMinor, currency } = deal.amount;
    bucket.open = addAmount(bucket.open, deal.amount);
    bucket.weightedBps.set(
      currency,
      (bucket.weightedBps.get(currency) ?? 0n) + BigInt(amountMinor) * BigInt(deal.probabilityBps),
    );
  } else if (deal.outcome === 'won' && deal.wonAmount !== null) {
    bucket.won += 1;
    bucket.revenue = addAmount(bucket.revenue, deal.wonAmount);
    bucket.wonByCurrency[deal.wonAmount.currency] =
      (bucket.wonByCurrency[deal.wonAmount.currency] ?? 0) + 1;
    bucket.cycles.push(dayNumber(day) - dayNumber(deal.openedOn));
  } else {
    bucket.lost += 1;
  }
};

/**
 * Sales performance by close date: won and lost deals, win rate, won revenue per currency,
 * average deal size and sales cycle; and open and weighted pipeline by expected close date.
 * Figures are credited to the rep (the closing rep, or the owner of an open deal) and to the team,
 * manager, office and region the rep belonged to on that day.
 *
 * Only deals within the actor's `Opportunity.read` scope are counted: a rep's figures are their
 * own, and a team row seen by a rep or a manager sums only the deals they may read, so no figure
 * carries another rep's deals. A role without `Opportunity.read` is refused.
 */
export const salesPerformanceReport = async (
  readModels: ReadModelStore,
  access: ReadAccess,
  options: { readonly groupBy?: PerformanceGrouping; readonly period?: Period } = {},
): Promise<E.Either<ReadRefusal, PerformanceRow[]>> =>
  answerUnbuilt(async () => {
    const scope = access.scope('Opportunity.read');
    if (E.isLeft(scope)) return scope;
    const groupBy = options.groupBy ?? 'rep';
    const groupOf = await creditedGroups(readModels, groupBy);
    const buckets = new Map<string, Bucket>();
    for await (const { doc: deal } of activeDocuments(readModels, 'deals', DealDocument)) {
      if (!inReadScope(scope.right, deal.ownerId)) continue;
      // Closed deals count on their close day; open ones on the day they are expected to close.
      const day = deal.outcome === 'open' ? deal.expectedCloseOn : deal.closedOn;
      if (day === null) continue;
      const group = groupOf(deal.ownerId, day);
      const period = periodOf(day, options.period ?? 'all');
      const key = `${group}\u0000${period}`;
      const bucket = buckets.get(key) ?? emptyBucket(group, period);
      addDeal(bucket, deal, day);
      buckets.set(key, bucket);
    }
    return E.right(
      [...buckets.entries()]
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([, b]) => ({
          group: b.group,
          period: b.period,
          won: b.won,
          lost: b.lost,
          winRate: ratio(b.won, b.won + b.lost),
          wonRevenue: b.revenue,
          averageDealSize: Object.fromEntries(
            Object.entries(b.revenue).map(([currency, amount]) => [
              currency,
              ratio(amount, b.wonByCurrency[currency] ?? 0),
            ]),
          ),
          salesCycleDays: summarizeDurations(b.cycles),
          openPipeline: b.open,
          weightedPipeline: Object.fromEntries(
            [...b.weightedBps].map(([currency, sum]) => [
              currency,
              Number(roundHalfEven(sum, 10_000n)),
            ]),
          ),
        })),
    );
  });
