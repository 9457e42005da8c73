import * as t from 'io-ts';

/** Brand of {@link DateOnly}. */
export interface DateOnlyBrand {
  readonly DateOnly: unique symbol;
}
const DATE_ONLY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

const isCalendarDate = (s: string): boolean => {
  const match = DATE_ONLY_PATTERN.exec(s);
  if (match === null) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
};

/**
 * A calendar day with no time and no zone, `YYYY-MM-DD`: due dates, periods, close dates. It is
 * interpreted in the tenant's time zone, never converted to an instant on its own.
 */
export const DateOnly = t.brand(
  t.string,
  (s): s is t.Branded<string, DateOnlyBrand> => isCalendarDate(s),
  'DateOnly',
);
/** A calendar day, `YYYY-MM-DD`. */
export type DateOnly = t.TypeOf<typeof DateOnly>;

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: DateOnly, to: DateOnly): number =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/** The day `days` after `date` (before, when negative). */
export const addDays = (date: DateOnly, days: number): DateOnly =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000)
    .toISOString()
    .slice(0, 10) as DateOnly;

export { IsoInstant } from '@clientele/eventstore';
