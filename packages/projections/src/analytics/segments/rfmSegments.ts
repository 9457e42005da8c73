import type { CustomerPurchases } from '../history/purchaseHistory.js';
import { daysFrom } from '../history/datedEvents.js';

/** A customer's recency, frequency and monetary quintiles, 1 (lowest) to 5 (best). */
export interface RfmScore {
  readonly recency: number;
  readonly frequency: number;
  readonly monetary: number;
}

/** One named segment and the ranges of quintiles it takes (inclusive). Rules are tried in order. */
export interface SegmentRule {
  readonly segment: string;
  readonly recency: readonly [number, number];
  readonly frequency: readonly [number, number];
  readonly monetary: readonly [number, number];
}

/**
 * The named segments, as data: the first rule whose three ranges hold a customer's quintiles
 * names the customer's segment; `needsAttention` catches the rest. Adapted from the usual RFM
 * segment grid (recency against frequency), monetary deciding between champions and loyal.
 */
export const RFM_SEGMENT_RULES: readonly SegmentRule[] = [
  { segment: 'champions', recency: [4, 5], frequency: [4, 5], monetary: [4, 5] },
  { segment: 'loyal', recency: [3, 5], frequency: [4, 5], monetary: [1, 5] },
  { segment: 'cannotLose', recency: [1, 1], frequency: [4, 5], monetary: [4, 5] },
  { segment: 'atRisk', recency: [1, 2], frequency: [3, 5], monetary: [1, 5] },
  { segment: 'newCustomers', recency: [5, 5], frequency: [1, 1], monetary: [1, 5] },
  { segment: 'potentialLoyalists', recency: [4, 5], frequency: [1, 3], monetary: [1, 5] },
  { segment: 'aboutToSleep', recency: [3, 3], frequency: [1, 2], monetary: [1, 5] },
  { segment: 'hibernating', recency: [1, 2], frequency: [1, 2], monetary: [1, 5] },
  { segment: 'needsAttention', recency: [1, 5], frequency: [1, 5], monetary: [1, 5] },
];

/**
 * The quintile (1–5) of each value among all of them: a value's score is 1 + the number of
 * quintile cut points (the 20th, 40th, 60th and 80th percentiles, nearest rank) it exceeds, so
 * equal values always share a score and the order of customers does not matter.
 */
export const quintiles = (values: readonly number[]): ((value: number) => number) => {
  const sorted = [...values].sort((a, b) => a - b);
  const cuts = [0.2, 0.4, 0.6, 0.8].map(
    (q) => sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)] ?? 0,
  );
  return (value) => 1 + cuts.filter((cut) => value > cut).length;
};

const within = (value: number, [low, high]: readonly [number, number]) =>
  value >= low && value <= high;

/** The segment the rules name for a score. */
export const segmentOf = (
  score: RfmScore,
  rules: readonly SegmentRule[] = RFM_SEGMENT_RULES,
): string =>
  rules.find(
    (rule) =>
      within(score.recency, rule.recency) &&
      within(score.frequency, rule.frequency) &&
      within(score.monetary, rule.monetary),
  )?.segment ?? 'needsAttention';

/** A customer's RFM figures, quintiles and segment on a day. */
export interface CustomerSegment {
  readonly customerId: string;
  /** Days since the last collected payment; null for a customer who never paid. */
  readonly recencyDays: number | null;
  readonly invoices: number;
  readonly collectedMinor: number;
  readonly score: RfmScore;
  readonly segment: string;
}

/**
 * RFM segmentation of the customers with at least one invoice, on `day`: recency is days since
 * the last collected payment (a customer who never paid scores 1), frequency the invoices issued,
 * monetary the payments collected less refunds; each is scored in quintiles among these customers
 * (recency reversed: recent is 5), and named by the rules.
 */
export const rfmSegments = (
  purchases: ReadonlyMap<string, CustomerPurchases>,
  day: string,
  rules: readonly SegmentRule[] = RFM_SEGMENT_RULES,
): readonly CustomerSegment[] => {
  const customers = [...purchases.values()]
    .filter((p) => p.invoices > 0)
    .sort((a, b) => a.customerId.localeCompare(b.customerId));
  const recencyOf = (p: CustomerPurchases) =>
    p.lastPaidOn === null ? null : daysFrom(p.lastPaidOn, day);
  // Recency is scored on freshness (−days), a customer who never paid below everyone.
  const freshness = (p: CustomerPurchases) => -(recencyOf(p) ?? Number.MAX_SAFE_INTEGER);
  const r = quintiles(customers.map(freshness));
  const f = quintiles(customers.map((p) => p.invoices));
  const m = quintiles(customers.map((p) => p.collectedMinor));
  return customers.map((p) => {
    const score = {
      recency: p.lastPaidOn === null ? 1 : r(freshness(p)),
      frequency: f(p.invoices),
      monetary: m(p.collectedMinor),
    };
    return {
      customerId: p.customerId,
      recencyDays: recencyOf(p),
      invoices: p.invoices,
      collectedMinor: p.collectedMinor,
      score,
      segment: segmentOf(score, rules),
    };
  });
};

/** How many customers moved from one segment to another between two days. */
export interface SegmentMove {
  readonly from: string | null;
  readonly to: string;
  readonly customers: number;
}

/**
 * Movement between segments: each customer segmented on `earlier` and on `later` (a customer new
 * since `earlier` comes from null), counted by pair, in a stable order.
 */
export const segmentMovement = (
  earlier: readonly CustomerSegment[],
  later: readonly CustomerSegment[],
): readonly SegmentMove[] => {
  const before = new Map(earlier.map((c) => [c.customerId, c.segment]));
  const counts = new Map<string, SegmentMove>();
  for (const customer of later) {
    const from = before.get(customer.customerId) ?? null;
    const key = `${from ?? ''}→${customer.segment}`;
    const move = counts.get(key) ?? { from, to: customer.segment, customers: 0 };
    counts.set(key, { ...move, customers: move.customers + 1 });
  }
  return [...counts.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, move]) => move);
};
