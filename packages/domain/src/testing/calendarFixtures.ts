import type { IsoInstant } from '@clientele/eventstore';
import { createInMemoryEventStore } from '@clientele/eventstore';
import { permitEveryoneInTests } from '@clientele/eventstore/testing';
import { createCalendarService } from '../calendar/calendarService.js';
import { createRepSchedules } from '../calendar/repSchedule/repSchedules.js';

/** `HH:MM` on 10 March 2026, UTC: the one day the calendar specs book on. */
export const at = (time: string): IsoInstant => `2026-03-10T${time}:00.000Z` as IsoInstant;

/** A `BookAppointment` of a demo from `from` to `to` on that day, organized by the first rep. */
export const book = (appointmentId: string, from: string, to: string, reps = ['rep-1']) => ({
  kind: 'BookAppointment' as const,
  appointmentId,
  title: 'Demo',
  start: at(from),
  end: at(to),
  timeZone: 'UTC',
  organizerId: reps[0] ?? 'rep-1',
  reps,
});

/** A fresh in-memory store with the calendar service and the reps' schedules over it. */
export const setUpCalendar = () => {
  const store = createInMemoryEventStore();
  return {
    store,
    calendar: createCalendarService(store, { authorize: permitEveryoneInTests() }),
    schedules: createRepSchedules(store, {}),
  };
};
