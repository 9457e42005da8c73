import type { CustomerPurchases } from '../history/purchaseHistory.js';
import { shiftDay } from '../history/datedEvents.js';

/** A customer's lifetime value on a day, minor units of one currency. */
export interface LifetimeValue {
  readonly customerId: string;
  /** Everything collected from the customer so far, less refunds. */
  readonly historicalMinor: number;
  /** What the customer paid in the last 365 days. */
  readonly lastYearMinor: number;
  /**
   * The predictive estimate of the next 365 days (see {@link lifetimeValues}); null when the log
   * is too short to measure retention (no customer paid in the year before the last).
   */
  readonly nextYearMinor: number | null;
}

const collectedWithin = (p: CustomerPurchases, from: string, to: string): number =>
  Object.entries(p.collectedByDay)
    .filter(([day]) => day > from && day <= to)
    .reduce((sum, [, minor]) => sum + minor, 0);

/**
 * Historical CLV, plus a deliberately simple predictive estimate of the next year: what the
 * customer paid in the last 365 days times the retention rate, the share of customers who paid in
 * the year before that and paid again in the last year. It assumes next year repeats last year for
 * those who stay, and every customer stays with the same chance: a documented baseline, not a
 * fitted model (docs/analytics.md).
 */
export const lifetimeValues = (
  purchases: ReadonlyMap<string, CustomerPurchases>,
  day: string,
): { readonly retention: number | null; readonly values: readonly LifetimeValue[] } => {
  const yearAgo = shiftDay(day, -365);
  const twoYearsAgo = shiftDay(day, -730);
  const customers = [...purchases.values()].sort((a, b) =>
    a.customerId.localeCompare(b.customerId),
  );
  const payingBefore = customers.filter((p) => collectedWithin(p, twoYearsAgo, yearAgo) > 0);
  const stayed = payingBefore.filter((p) => collectedWithin(p, yearAgo, day) > 0);
  const retention = payingBefore.length === 0 ? null : stayed.length / payingBefore.length;
  return {
    retention,
    values: customers.map((p) => {
      const lastYearMinor = collectedWithin(p, yearAgo, day);
      return {
        customerId: p.customerId,
        historicalMinor: p.collectedMinor,
        lastYearMinor,
        nextYearMinor: retention === null ? null : Math.round(lastYearMinor * retention),
      };
    }),
  };
};
