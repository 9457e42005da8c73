import rrule from 'rrule';
import type { Frequency } from 'rrule';
import type { IsoInstant } from '@clientele/eventstore';
import { instantOfWallClock, utcOffsetMinutes } from '../sla/zonedTime.js';
import type { Recurrence, RecurrenceFrequency } from './values.js';

const FREQUENCIES: Record<RecurrenceFrequency, Frequency> = {
  daily: rrule.RRule.DAILY,
  weekly: rrule.RRule.WEEKLY,
  monthly: rrule.RRule.MONTHLY,
};

/** An instant read as the wall clock of a zone, expressed as if that reading were UTC. */
const wallClock = (instant: number, timeZone: string): Date =>
  new Date(instant + utcOffsetMinutes(instant, timeZone) * 60_000);

/**
 * The due time of the occurrence after `current`, or undefined when the rule has ended. The rule
 * is expanded by `rrule` on wall-clock ("floating") times in the task's zone, then each occurrence
 * is placed back in the zone, so a task due at 09:00 in Rome stays at 09:00 across a
 * daylight-saving change. `seriesStart` is the first occurrence: `count` is counted from it.
 */
export const nextOccurrence = (
  recurrence: Recurrence,
  seriesStart: IsoInstant,
  current: IsoInstant,
  timeZone: string,
): IsoInstant | undefined => {
  const rule = new rrule.RRule({
    freq: FREQUENCIES[recurrence.frequency],
    interval: recurrence.interval ?? 1,
    dtstart: wallClock(Date.parse(seriesStart), timeZone),
    ...(recurrence.count === undefined ? {} : { count: recurrence.count }),
    ...(recurrence.until === undefined
      ? {}
      : { until: wallClock(Date.parse(recurrence.until), timeZone) }),
  });
  const next = rule.after(wallClock(Date.parse(current), timeZone), false);
  if (next === null) return undefined;
  return new Date(instantOfWallClock(next.getTime(), timeZone)).toISOString() as IsoInstant;
};
