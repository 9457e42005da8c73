import * as E from 'fp-ts/lib/Either.js';
import type { EventStore, RecordedEvent } from '@clientele/eventstore';
import { readStoredEvent } from '@clientele/domain';

/** What walking the log with today's codecs found. */
export interface ReadabilityReport {
  /** Domain events that decode, in their current shape or through the upcasters. */
  readonly domainEvents: number;
  /** Of those, the ones written in an older shape. */
  readonly upcast: number;
}

/** The first stored domain event today's code cannot read, and why. */
export interface UnreadableEvent {
  readonly event: RecordedEvent;
  readonly problem: string;
}

/**
 * Reads every stored event as the app, the projections and the reactors will: through the
 * domain's upcasters and codecs. A release whose codecs changed without an upcaster stops here,
 * before any reader meets the event.
 */
export const checkReadability = async (
  store: EventStore,
): Promise<E.Either<UnreadableEvent, ReadabilityReport>> => {
  let domainEvents = 0;
  let upcast = 0;
  for await (const event of store.readAll()) {
    const reading = readStoredEvent(event);
    if (reading.kind === 'notDomain') continue;
    if (reading.kind === 'unreadable') return E.left({ event, problem: reading.problem });
    domainEvents += 1;
    if (reading.kind === 'upcast') upcast += 1;
  }
  return E.right({ domainEvents, upcast });
};
