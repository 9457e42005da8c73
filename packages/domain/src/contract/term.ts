import type { DateOnly } from '../shared/dates.js';
import { addDays } from '../shared/dates.js';

/**
 * The day `months` months after `date`, on the same day of the month or, when that month is
 * shorter, on its last day (31 January + 1 month = 28 or 29 February).
 */
export const addMonths = (date: DateOnly, months: number): DateOnly => {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const target = year * 12 + (month - 1) + months;
  const [targetYear, targetMonth] = [Math.floor(target / 12), target % 12];
  const lastDay = new Date(Date.UTC(targetYear, targetMonth + 1, 0)).getUTCDate();
  const iso = new Date(Date.UTC(targetYear, targetMonth, Math.min(day, lastDay)));
  return iso.toISOString().slice(0, 10) as DateOnly;
};

/** The last day of a term of `termMonths` months starting on `startOn`. */
export const termEndOn = (startOn: DateOnly, termMonths: number): DateOnly =>
  addDays(addMonths(startOn, termMonths), -1);
