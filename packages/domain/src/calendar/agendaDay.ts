import type { DateOnly } from '../shared/dates.js';
import { addDays } from '../shared/dates.js';
import { zonedDate, zonedInstant } from '../sla/zonedTime.js';

/** One day of a rep's agenda in their own zone: its date and the instants it runs between. */
export interface AgendaDay {
  readonly date: DateOnly;
  /** Local midnight, ms. */
  readonly start: number;
  /** The next local midnight, ms: 23 or 25 hours later on a daylight-saving change. */
  readonly end: number;
}

/** The agenda day of `date` in `timeZone`, from its local midnight to the next one. */
export const agendaDayOf = (date: DateOnly, timeZone: string): AgendaDay => ({
  date,
  start: zonedInstant(date, 0, timeZone),
  end: zonedInstant(addDays(date, 1), 0, timeZone),
});

/** The agenda day an instant falls on, in `timeZone`. */
export const agendaDayAt = (instant: number, timeZone: string): AgendaDay =>
  agendaDayOf(zonedDate(instant, timeZone), timeZone);
