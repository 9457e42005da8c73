import * as t from 'io-ts';

const PERIOD_PATTERN = /^\d{4}(?:-(?:0[1-9]|1[0-2])|-Q[1-4])?$/;

/**
 * A sales period, a month (`2026-03`), a quarter (`2026-Q1`) or a year (`2026`): targets and
 * commission are per period, in the tenant's calendar.
 */
export const SalesPeriod = t.refinement(t.string, (s) => PERIOD_PATTERN.test(s), 'SalesPeriod');
/** A month, quarter or year. */
export type SalesPeriod = t.TypeOf<typeof SalesPeriod>;

/** The months (`YYYY-MM`) a period is made of. */
export const monthsOf = (period: string): readonly string[] => {
  const year = period.slice(0, 4);
  const month = (n: number) => `${year}-${String(n).padStart(2, '0')}`;
  if (period.length === 4) return Array.from({ length: 12 }, (_, i) => month(i + 1));
  if (period[5] === 'Q') {
    const first = (Number(period[6]) - 1) * 3 + 1;
    return [month(first), month(first + 1), month(first + 2)];
  }
  return [period];
};

/** The month (`YYYY-MM`) of a day (`YYYY-MM-DD`). */
export const monthOf = (day: string): string => day.slice(0, 7);

/** Whether two periods share a month. */
export const periodsOverlap = (a: string, b: string): boolean => {
  const months = new Set(monthsOf(a));
  return monthsOf(b).some((month) => months.has(month));
};
