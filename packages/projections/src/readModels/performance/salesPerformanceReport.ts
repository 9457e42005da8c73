import type { Placement, SalesOrganizationState } from '@clientele/domain';
import { placementOn } from '@clientele/domain';
import type { DateOnly } from '@clientele/domain';
import { type Ratio, ratio } from '../../definitions/ratio.js';
import type { Period } from '../../definitions/periods.js';
import { periodOf } from '../../definitions/periods.js';
import { type MoneyByCurrency, addAmount } from '../../definitions/moneyByCurrency.js';
import { type DurationSummary, summarizeDurations } from '../../definitions/percentiles.js';
import { activeDocuments } from '../../store/activeDocuments.js';
import type { ReadModelStore } from '../../store/readModelStore.js';
import { DealDocument } from '../deals/dealDocument.js';
import {
  OrganizationDocument,
  organizationState,
} from '../salesOrganization/organizationProjection.js';

/** Who sales figures are credited to. */
export type PerformanceGrouping = 'rep' | 'team' | 'manager' | 'office' | 'region';

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
}

const UNPLACED = '(no team)';

const groupOfPlacement = (
  groupBy: PerformanceGrouping,
  repId: string,
  placement: Placement | undefined,
): string => {
  if (groupBy === 'rep') return repId;
  if (placement === undefined) return UNPLACED;
  if (groupBy === 'team') return placement.teamId;
  if (groupBy === 'office') return placement.officeId;
  if (groupBy === 'region') return placement.region;
  return placement.managerId ?? '(no manager)';
};

const dayNumber = (day: string): number => Date.parse(`${day}T00:00:00Z`) / 86_400_000;

/**
 * Sales performance by close date: won and lost deals, win rate, won revenue per currency,
 * average deal size and sales cycle, credited to the rep who closed each deal and to the team,
 * manager, office and region the rep belonged to on the close day.
 */
export const salesPerformanceReport = async (
  readModels: ReadModelStore,
  options: { readonly groupBy?: PerformanceGrouping; readonly period?: Period } = {},
): Promise<PerformanceRow[]> => {
  const groupBy = options.groupBy ?? 'rep';
  const organizations: SalesOrganizationState[] = [];
  if (groupBy !== 'rep') {
    for await (const { doc } of activeDocuments(
      readModels,
      'salesOrganization',
      OrganizationDocument,
    )) {
      organizations.push(organizationState(doc));
    }
  }
  const placement = (repId: string, day: string): Placement | undefined => {
    for (const organization of organizations) {
      const found = placementOn(organization, repId, day as DateOnly);
      if (found !== undefined) return found;
    }
    return undefined;
  };
  const buckets = new Map<
    string,
    {
      group: string;
      period: string;
      won: number;
      lost: number;
      revenue: MoneyByCurrency;
      wonByCurrency: Record<string, number>;
      cycles: number[];
    }
  >();
  for await (const { doc: deal } of activeDocuments(readModels, 'deals', DealDocument)) {
    if (deal.outcome === 'open' || deal.closedOn === null) continue;
    const group = groupOfPlacement(
      groupBy,
      deal.ownerId,
      groupBy === 'rep' ? undefined : placement(deal.ownerId, deal.closedOn),
    );
    const period = periodOf(deal.closedOn, options.period ?? 'all');
    const key = `${group}\u0000${period}`;
    const bucket = buckets.get(key) ?? {
      group,
      period,
      won: 0,
      lost: 0,
      revenue: {},
      wonByCurrency: {},
      cycles: [],
    };
    if (deal.outcome === 'won' && deal.wonAmount !== null) {
      bucket.won += 1;
      bucket.revenue = addAmount(bucket.revenue, deal.wonAmount);
      bucket.wonByCurrency[deal.wonAmount.currency] =
        (bucket.wonByCurrency[deal.wonAmount.currency] ?? 0) + 1;
      bucket.cycles.push(dayNumber(deal.closedOn) - dayNumber(deal.openedOn));
    } else {
      bucket.lost += 1;
    }
    buckets.set(key, bucket);
  }
  return [...buckets.entries()]
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
    }));
};
