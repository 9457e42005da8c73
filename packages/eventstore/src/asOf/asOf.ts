import type { RecordedEvent } from '../envelope/envelope.js';

/**
 * The two meanings of "as of T". *As known at* T: the events recorded by T, what the system knew
 * then (a late-entered call logged on the 5th for the 2nd is not known on the 3rd). *As effective
 * at* T: the events whose business time is up to T, what had happened by then as we know it now.
 */
export type AsOf =
  | { readonly knownAt: string; readonly effectiveAt?: never }
  | { readonly effectiveAt: string; readonly knownAt?: never };

const instant = (iso: string): number => {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new RangeError(`"${iso}" is not an ISO-8601 instant`);
  return ms;
};

/** Whether an event belongs to the history "as of" the given moment, in the given meaning. */
export const isWithin = (asOf: AsOf): ((event: RecordedEvent) => boolean) => {
  if (asOf.knownAt !== undefined) {
    const at = instant(asOf.knownAt);
    return (event) => Date.parse(event.recordedAt) <= at;
  }
  const at = instant(asOf.effectiveAt);
  return (event) => Date.parse(event.metadata.occurredAt) <= at;
};

/** The events of `events` that belong to the history as of the given moment. */
export async function* eventsAsOf(
  events: AsyncIterable<RecordedEvent>,
  asOf: AsOf,
): AsyncGenerator<RecordedEvent> {
  const within = isWithin(asOf);
  for await (const event of events) if (within(event)) yield event;
}
