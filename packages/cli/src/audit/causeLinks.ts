import type { EventStore } from '@clientele/eventstore';
import { positionToString } from '@clientele/eventstore';

/** Where an event's cause is in the log: its event id and position, or that it is not there. */
export interface CauseLink {
  readonly eventId: string;
  /** The causing event's position; null if no event in the log has that id. */
  readonly position: string | null;
}

/**
 * The position of every cause named by `entries`: from the entries themselves where the cause is
 * part of the same timeline, otherwise from one pass over the log that stops once all are found.
 */
export const causeLinks = async (
  entries: readonly {
    readonly eventId: string;
    readonly position: string;
    readonly causationId: string | null;
  }[],
  events: EventStore,
): Promise<ReadonlyMap<string, CauseLink>> => {
  const known = new Map(entries.map((e) => [e.eventId, e.position]));
  const wanted = new Set(
    entries.flatMap((e) =>
      e.causationId === null || known.has(e.causationId) ? [] : [e.causationId],
    ),
  );
  if (wanted.size > 0) {
    for await (const event of events.readAll()) {
      if (!wanted.delete(event.eventId)) continue;
      known.set(event.eventId, positionToString(event.position));
      if (wanted.size === 0) break;
    }
  }
  return new Map(
    entries.flatMap((e) =>
      e.causationId === null
        ? []
        : [[e.causationId, { eventId: e.causationId, position: known.get(e.causationId) ?? null }]],
    ),
  );
};
