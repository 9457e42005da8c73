import * as t from 'io-ts';
import { DateOnly, addDays } from '../shared/dates.js';
import { zonedDate, zonedInstant } from './zonedTime.js';

const CLOCK_TIME = /^([01]\d|2[0-3]):([0-5]\d)$|^24:00$/;

/** A wall-clock time of day, `HH:MM` (24:00 allowed as an end). */
export const ClockTime = t.refinement(t.string, (s) => CLOCK_TIME.test(s), 'ClockTime');

/** Working hours within one day, `start` before `end`. */
export const WorkingHours = t.readonly(
  t.type({ start: ClockTime, end: ClockTime }),
  'WorkingHours',
);
/** Working hours within one day. */
export type WorkingHours = t.TypeOf<typeof WorkingHours>;

/**
 * A tenant's business-hours calendar: its IANA time zone, working hours per weekday (index 0 is
 * Sunday, as in `Date.getUTCDay`), and holidays on which nobody works.
 */
export const BusinessCalendar = t.readonly(
  t.type({
    timeZone: t.string,
    week: t.readonlyArray(t.readonlyArray(WorkingHours)),
    holidays: t.readonlyArray(DateOnly),
  }),
  'BusinessCalendar',
);
/** A tenant's business-hours calendar. */
export type BusinessCalendar = t.TypeOf<typeof BusinessCalendar>;

const minutesOf = (clock: string): number =>
  Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));

/** Monday to Friday, 09:00–18:00, in the given zone, with the given holidays. */
export const officeHours = (
  timeZone: string,
  holidays: readonly DateOnly[] = [],
): BusinessCalendar => {
  const day = [{ start: '09:00', end: '18:00' }];
  return { timeZone, week: [[], day, day, day, day, day, []], holidays };
};

/**
 * The working intervals (instants, ms) of one calendar day in the calendar's zone: none on a
 * holiday or a day off. Used by SLA clocks and by the calendar's availability query.
 */
export const workingIntervals = (
  calendar: BusinessCalendar,
  date: DateOnly,
): [number, number][] => {
  if (calendar.holidays.includes(date)) return [];
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return (calendar.week[weekday] ?? []).map((hours) => [
    zonedInstant(date, minutesOf(hours.start), calendar.timeZone),
    zonedInstant(date, minutesOf(hours.end), calendar.timeZone),
  ]);
};

/** A calendar with no working hours at all would make every deadline infinite. */
const assertWorks = (calendar: BusinessCalendar): void => {
  if (!calendar.week.some((hours) => hours.length > 0)) {
    throw new RangeError('the business calendar has no working hours in its week');
  }
};

/** Business time (ms) between two instants: only the working hours in between count. */
export const businessMillisBetween = (
  calendar: BusinessCalendar,
  from: number,
  to: number,
): number => {
  if (to <= from) return 0;
  let total = 0;
  const last = zonedDate(to, calendar.timeZone);
  for (let day = zonedDate(from, calendar.timeZone); day <= last; day = addDays(day, 1)) {
    for (const [start, end] of workingIntervals(calendar, day)) {
      total += Math.max(0, Math.min(end, to) - Math.max(start, from));
    }
  }
  return total;
};

/** The instant reached after `millis` of business time counted from `from`. */
export const addBusinessMillis = (
  calendar: BusinessCalendar,
  from: number,
  millis: number,
): number => {
  assertWorks(calendar);
  let remaining = millis;
  for (let day = zonedDate(from, calendar.timeZone); ; day = addDays(day, 1)) {
    for (const [start, end] of workingIntervals(calendar, day)) {
      const begin = Math.max(start, from);
      if (end <= begin) continue;
      if (remaining <= end - begin) return begin + remaining;
      remaining -= end - begin;
    }
  }
};
