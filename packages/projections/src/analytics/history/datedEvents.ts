import type { RecordedEvent } from '@clientele/eventstore';
import { dayOf } from '../../readModels/domainEvent.js';

/** A decoded event with the business day it happened on (UTC day of its `occurredAt`). */
export interface DatedEvent<E> {
  readonly day: string;
  readonly event: E;
}

/**
 * Decodes the events a model reads, once, in log order, each with its business day. Models look
 * at the log "as effective at" a day: an event counts from the day it happened, whenever it was
 * recorded (imports record years of history in one afternoon).
 */
export const datedEvents = <E>(
  events: Iterable<RecordedEvent>,
  decode: (event: RecordedEvent) => E | undefined,
): DatedEvent<E>[] => {
  const dated: DatedEvent<E>[] = [];
  for (const recorded of events) {
    const event = decode(recorded);
    if (event !== undefined) dated.push({ day: dayOf(recorded.metadata.occurredAt), event });
  }
  return dated;
};

/** The last business day of the events, or undefined for none. */
export const lastDay = (events: readonly DatedEvent<unknown>[]): string | undefined =>
  events.reduce<string | undefined>(
    (last, { day }) => (last === undefined || day > last ? day : last),
    undefined,
  );

/** The first business day of the events, or undefined for none. */
export const firstDay = (events: readonly DatedEvent<unknown>[]): string | undefined =>
  events.reduce<string | undefined>(
    (first, { day }) => (first === undefined || day < first ? day : first),
    undefined,
  );

/** The day `days` after (or before, when negative) a `YYYY-MM-DD` day. */
export const shiftDay = (day: string, days: number): string =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** Whole days from one `YYYY-MM-DD` day to another. */
export const daysFrom = (from: string, to: string): number =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
