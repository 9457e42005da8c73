import * as t from 'io-ts';

/** How reports bucket dates: by month (`2026-03`), quarter (`2026-Q1`), year (`2026`), or not. */
export const Period = t.keyof({ month: null, quarter: null, year: null, all: null }, 'Period');
/** How reports bucket dates. */
export type Period = t.TypeOf<typeof Period>;

/** The bucket of a `YYYY-MM-DD` day for a period kind; `all` puts every day in one bucket. */
export const periodOf = (day: string, period: Period): string => {
  const year = day.slice(0, 4);
  const month = Number(day.slice(5, 7));
  switch (period) {
    case 'month':
      return day.slice(0, 7);
    case 'quarter':
      return `${year}-Q${Math.floor((month - 1) / 3) + 1}`;
    case 'year':
      return year;
    case 'all':
      return 'all';
  }
};
