import type { BusinessCalendar } from '../sla/businessCalendar.js';
import { workingIntervals } from '../sla/businessCalendar.js';
import { zonedDate } from '../sla/zonedTime.js';
import { addDays } from '../shared/dates.js';

/** A stretch of time, instants in ms, half-open `[start, end)`. */
export interface Interval {
  readonly start: number;
  readonly end: number;
}

/** What an availability query asks. */
export interface AvailabilityQuery {
  /** The business calendar whose working hours count: the one SLAs use. */
  readonly calendar: BusinessCalendar;
  /** From when to when to look (ms). */
  readonly from: number;
  readonly to: number;
  /** The shortest free stretch worth returning, in minutes. */
  readonly minimumMinutes: number;
}

/** Removes the busy stretches from one interval. */
const subtract = (free: Interval, busy: readonly Interval[]): Interval[] => {
  let pieces: Interval[] = [free];
  for (const taken of busy) {
    pieces = pieces.flatMap((piece) =>
      taken.end <= piece.start || taken.start >= piece.end
        ? [piece]
        : [
            { start: piece.start, end: taken.start },
            { start: taken.end, end: piece.end },
          ].filter((part) => part.end > part.start),
    );
  }
  return pieces;
};

/**
 * The stretches within working hours between `from` and `to` when none of the busy intervals
 * (every rep's appointments together) takes the time, each at least `minimumMinutes` long, in
 * order. Working hours come from the business calendar, in its zone, holidays excluded.
 */
export const freeSlots = (query: AvailabilityQuery, busy: readonly Interval[]): Interval[] => {
  const { calendar, from, to, minimumMinutes } = query;
  const slots: Interval[] = [];
  const last = zonedDate(Math.max(from, to - 1), calendar.timeZone);
  for (let day = zonedDate(from, calendar.timeZone); day <= last; day = addDays(day, 1)) {
    for (const [start, end] of workingIntervals(calendar, day)) {
      const window = { start: Math.max(start, from), end: Math.min(end, to) };
      if (window.end <= window.start) continue;
      slots.push(...subtract(window, busy));
    }
  }
  return slots.filter((slot) => slot.end - slot.start >= minimumMinutes * 60_000);
};
