import type { AllStreamResolvedEvent, EventStoreDBClient } from '@eventstore/db-client';
import type { LogStart, Position, ReadAllOptions, RecordedEvent } from '@clientele/eventstore';
import { END, START, comparePositions, matchesFilter } from '@clientele/eventstore';
import { fromEsdbRecordedEvent, isInternalEvent } from '../mapping/events.js';
import { fromEsdbPosition, toEsdbReadPosition } from '../mapping/positions.js';

/** Application events of `$all` from a raw read: system events and command records are skipped. */
export async function* applicationEvents(
  reading: AsyncIterable<AllStreamResolvedEvent>,
): AsyncGenerator<RecordedEvent> {
  for await (const resolved of reading) {
    const event = resolved.event;
    if (event !== undefined && !isInternalEvent(event)) yield fromEsdbRecordedEvent(event);
  }
}

/** At most `maxCount` events, pulling no more than it yields. */
async function* take<T>(events: AsyncIterable<T>, maxCount: number): AsyncGenerator<T> {
  if (maxCount <= 0) return;
  let taken = 0;
  for await (const event of events) {
    yield event;
    taken += 1;
    if (taken >= maxCount) return;
  }
}

/** The application event at a position, if it is one. */
async function* eventAt(client: EventStoreDBClient, at: Position): AsyncGenerator<RecordedEvent> {
  const single = client.readAll({ fromPosition: toEsdbReadPosition(at), maxCount: 1 });
  for await (const event of applicationEvents(single)) {
    if (comparePositions(event.position, at) === 0) yield event;
  }
}

/** Whether a position is on the side of `from` a read in that direction must not return. */
const wrongSide = (position: Position, from: Position, backwards: boolean): boolean => {
  const order = comparePositions(position, from);
  return backwards ? order >= 0 : order < 0;
};

/**
 * The application events from `from` in a direction, the event at `from` included. Reading
 * backwards, the server starts before `from`, so the event at it is read on its own first; an
 * event on the wrong side of `from` is skipped either way.
 */
async function* fromPosition(
  client: EventStoreDBClient,
  from: LogStart,
  backwards: boolean,
): AsyncGenerator<RecordedEvent> {
  const at = from === START || from === END ? undefined : from;
  if (backwards && at !== undefined) yield* eventAt(client, at);
  const reading = client.readAll({
    fromPosition: toEsdbReadPosition(from),
    direction: backwards ? 'backwards' : 'forwards',
  });
  for await (const event of applicationEvents(reading)) {
    if (at === undefined || !wrongSide(event.position, at, backwards)) yield event;
  }
}

async function* matching(
  events: AsyncIterable<RecordedEvent>,
  filter: ReadAllOptions['filter'],
): AsyncGenerator<RecordedEvent> {
  for await (const event of events) {
    if (matchesFilter(filter, event.streamName, event.type)) yield event;
  }
}

/**
 * Reads `$all` lazily, skipping what is not the application's and applying our filter. Reading
 * from a position includes the event at it; that is enforced here rather than assumed of the
 * server in each direction.
 */
export async function* readAll(
  client: EventStoreDBClient,
  options: ReadAllOptions,
): AsyncGenerator<RecordedEvent> {
  const backwards = options.direction === 'backwards';
  const from = options.fromPosition ?? (backwards ? END : START);
  if (from === END && !backwards) return;
  const events = matching(fromPosition(client, from, backwards), options.filter);
  yield* take(events, options.maxCount ?? Number.POSITIVE_INFINITY);
}

/** The position of the last application event, skipping trailing system events. */
export const lastApplicationPosition = async (client: EventStoreDBClient) => {
  const reading = client.readAll({ fromPosition: 'end', direction: 'backwards' });
  for await (const resolved of reading) {
    const event = resolved.event;
    if (event?.position !== undefined && !isInternalEvent(event)) {
      return fromEsdbPosition(event.position);
    }
  }
  return undefined;
};
