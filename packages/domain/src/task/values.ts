import * as t from 'io-ts';
import { IsoInstant } from '@clientele/eventstore';
import { FollowUpPriority } from '../lead/values.js';

/** How urgent a task is: the same scale as a lead's follow-ups. */
export const TaskPriority = FollowUpPriority;
/** How urgent a task is. */
export type TaskPriority = t.TypeOf<typeof TaskPriority>;

/** Brand of {@link PositiveCount}. */
export interface PositiveCountBrand {
  readonly PositiveCount: unique symbol;
}
/** A whole number, 1 or more. */
export const PositiveCount = t.brand(
  t.number,
  (n): n is t.Branded<number, PositiveCountBrand> => Number.isInteger(n) && n >= 1,
  'PositiveCount',
);

/** Brand of {@link ReminderOffsetMinutes}. */
export interface ReminderOffsetMinutesBrand {
  readonly ReminderOffsetMinutes: unique symbol;
}
/** How long before the due time a reminder comes due, in whole minutes (0: at the due time). */
export const ReminderOffsetMinutes = t.brand(
  t.number,
  (n): n is t.Branded<number, ReminderOffsetMinutesBrand> =>
    Number.isInteger(n) && n >= 0 && n <= 60 * 24 * 366,
  'ReminderOffsetMinutes',
);
/** How long before the due time a reminder comes due, in minutes. */
export type ReminderOffsetMinutes = t.TypeOf<typeof ReminderOffsetMinutes>;

/** How often a recurring task comes back. */
export const RecurrenceFrequency = t.union(
  [t.literal('daily'), t.literal('weekly'), t.literal('monthly')],
  'RecurrenceFrequency',
);
/** How often a recurring task comes back. */
export type RecurrenceFrequency = t.TypeOf<typeof RecurrenceFrequency>;

/**
 * A recurrence rule: every `interval` days, weeks or months, on the wall-clock time of the first
 * due time in the task's time zone, ending after `count` occurrences or at `until` (or never).
 */
export const Recurrence = t.intersection(
  [
    t.type({ frequency: RecurrenceFrequency }),
    t.partial({ interval: PositiveCount, count: PositiveCount, until: IsoInstant }),
  ],
  'Recurrence',
);
/** A recurrence rule. */
export type Recurrence = t.TypeOf<typeof Recurrence>;

/** Brand of {@link TimeZoneName}. */
export interface TimeZoneNameBrand {
  readonly TimeZoneName: unique symbol;
}
const knownZone = (name: string): boolean => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
};
/** An IANA time zone the runtime knows (`Europe/Rome`, `America/New_York`, `UTC`). */
export const TimeZoneName = t.brand(
  t.string,
  (s): s is t.Branded<string, TimeZoneNameBrand> => knownZone(s),
  'TimeZoneName',
);
/** An IANA time zone. */
export type TimeZoneName = t.TypeOf<typeof TimeZoneName>;
