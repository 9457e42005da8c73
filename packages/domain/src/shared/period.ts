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

/** The first day (`YYYY-MM-DD`) of a period. */
export const firstDayOf = (period: string): string => `${monthsOf(period)[0] ?? period}-01`;

/** How many days a period has: 28 to 31 for a month, 90 to 92 for a quarter, 365 or 366 a year. */
export const daysOf = (period: string): number => {
  const months = monthsOf(period);
  const last = months[months.length - 1] ?? period;
  // Month numbers are 1-based and Date.UTC's 0-based: the last month's number is the next month.
  const end = Date.UTC(Number(last.slice(0, 4)), Number(last.slice(5, 7)), 1);
  return Math.round((end - Date.parse(`${firstDayOf(period)}T00:00:00Z`)) / 86_400_000);
};

/** The month (`YYYY-MM`) of a day (`YYYY-MM-DD`). */
export const monthOf = (day: string): string => day.slice(0, 7);

/** Whether two periods share a month. */
export const periodsOverlap = (a: string, b: string): boolean => {
  const months = new Set(monthsOf(a));
  return monthsOf(b).some((month) => months.has(month));
};
