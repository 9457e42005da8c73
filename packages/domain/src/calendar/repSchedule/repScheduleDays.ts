import { streamName } from '@clientele/eventstore';

const DAY = 86_400_000;

/**
 * The stream of one rep's UTC day. Days are UTC so that every process cuts time the same way
 * whatever its zone; an appointment reserves every day it touches.
 */
export const repScheduleStream = (repId: string, day: string): string =>
  streamName('RepSchedule', `${repId}.${day}`);

/** The UTC days (`YYYY-MM-DD`) the half-open interval `[start, end)` touches, in order. */
export const utcDaysTouched = (start: string, end: string): readonly string[] => {
  const from = Date.parse(start);
  const last = Math.max(from, Date.parse(end) - 1);
  const days: string[] = [];
  for (let day = Math.floor(from / DAY) * DAY; day <= last; day += DAY) {
    days.push(new Date(day).toISOString().slice(0, 10));
  }
  return days;
};
