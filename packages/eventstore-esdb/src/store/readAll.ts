import type { AllStreamResolvedEvent, EventStoreDBClient } from '@eventstore/db-client';
import type { ReadAllOptions, RecordedEvent } from '@clientele/eventstore';
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
  let remaining = options.maxCount ?? Number.POSITIVE_INFINITY;
  const keep = (event: RecordedEvent) =>
    matchesFilter(options.filter, event.streamName, event.type);
  if (backwards && from !== START && from !== END) {
    const at = client.readAll({ fromPosition: toEsdbReadPosition(from), maxCount: 1 });
    for await (const event of applicationEvents(at)) {
      if (comparePositions(event.position, from) === 0 && keep(event) && remaining > 0) {
        remaining -= 1;
        yield event;
      }
    }
  }
  if (remaining <= 0) return;
  const reading = client.readAll({
    fromPosition: toEsdbReadPosition(from),
    direction: backwards ? 'backwards' : 'forwards',
  });
  for await (const event of applicationEvents(reading)) {
    if (from !== START && from !== END) {
      const order = comparePositions(event.position, from);
      if (backwards ? order >= 0 : order < 0) continue;
    }
    if (!keep(event)) continue;
    yield event;
    remaining -= 1;
    if (remaining <= 0) return;
  }
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
