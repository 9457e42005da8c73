import type { DateOnly } from '../shared/dates.js';

const formatters = new Map<string, Intl.DateTimeFormat>();

const formatterFor = (timeZone: string): Intl.DateTimeFormat => {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
};

/** How many readings {@link wallClockMillis} remembers per zone before it starts afresh. */
const REMEMBERED_READINGS = 4096;

/**
 * Readings already taken, per zone and instant. `formatToParts` costs microseconds, and imports
 * convert the same few dates thousands of times (a CSV's dates, each at the same time of day).
 */
const readings = new Map<string, Map<number, number>>();

/** The wall-clock reading of an instant in a time zone, as if that reading were UTC (ms). */
const wallClockMillis = (instant: number, timeZone: string): number => {
  const zone = readings.get(timeZone);
  const remembered = zone?.get(instant);
  if (remembered !== undefined) return remembered;
  // Read first: a zone the formatter refuses throws here and is never remembered.
  const reading = readWallClock(instant, timeZone);
  if (zone === undefined) readings.set(timeZone, new Map([[instant, reading]]));
  else {
    if (zone.size >= REMEMBERED_READINGS) zone.clear();
    zone.set(instant, reading);
  }
  return reading;
};

/** {@link wallClockMillis} taken from the zone's formatter. */
const readWallClock = (instant: number, timeZone: string): number => {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(instant))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const { year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0 } = parts;
  const wholeSecond = instant - (((instant % 1000) + 1000) % 1000);
  return Date.UTC(year, month - 1, day, hour, minute, second) + (instant - wholeSecond);
};

/** The zone's offset from UTC at an instant, in minutes (Rome in summer: 120). */
export const utcOffsetMinutes = (instant: number, timeZone: string): number =>
  Math.round((wallClockMillis(instant, timeZone) - instant) / 60_000);

/**
 * The instant at which clocks in the zone read `date` plus `minutesOfDay`. In a spring-forward gap
 * the reading does not exist and the instant after the gap is returned; in an autumn overlap, the
 * first of the two.
 */
export const zonedInstant = (date: DateOnly, minutesOfDay: number, timeZone: string): number =>
  instantOfWallClock(Date.parse(`${date}T00:00:00Z`) + minutesOfDay * 60_000, timeZone);

/**
 * The instant at which clocks in the zone show `wall`, a reading given as milliseconds as if it
 * were UTC (`Date.UTC(2012, 9, 9, 14, 50, 17)` for 2012-10-09 14:50:17); gaps and overlaps as
 * {@link zonedInstant}.
 */
export const instantOfWallClock = (wall: number, timeZone: string): number => {
  const first = wall - utcOffsetMinutes(wall, timeZone) * 60_000;
  return wall - utcOffsetMinutes(first, timeZone) * 60_000;
};

/** The calendar day an instant falls on in the zone. */
export const zonedDate = (instant: number, timeZone: string): DateOnly =>
  new Date(wallClockMillis(instant, timeZone)).toISOString().slice(0, 10) as DateOnly;

/** Formats an instant as ISO-8601 with the zone's offset, e.g. `2012-10-09T14:50:17+02:00`. */
export const formatZoned = (instant: number, timeZone: string): string => {
  const offset = utcOffsetMinutes(instant, timeZone);
  const wall = new Date(instant + offset * 60_000).toISOString().slice(0, 19);
  const sign = offset < 0 ? '-' : '+';
  const hours = String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0');
  const minutes = String(Math.abs(offset) % 60).padStart(2, '0');
  return `${wall}${sign}${hours}:${minutes}`;
};
