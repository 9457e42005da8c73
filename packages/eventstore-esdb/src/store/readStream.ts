import type { EventStoreDBClient } from '@eventstore/db-client';
import type { ReadStreamOptions, RecordedEvent } from '@clientele/eventstore';
import { END, START } from '@clientele/eventstore';
import { isStreamNotFound } from '../mapping/errors.js';
import { fromEsdbRecordedEvent } from '../mapping/events.js';

/**
 * Reads one stream lazily (the gRPC stream applies backpressure). A stream that does not exist
 * reads as empty: EventStoreDB reports it as a `StreamNotFoundError` during iteration.
 */
export async function* readStream(
  client: EventStoreDBClient,
  streamName: string,
  options: ReadStreamOptions,
): AsyncGenerator<RecordedEvent> {
  const backwards = options.direction === 'backwards';
  const from = options.fromRevision ?? (backwards ? END : START);
  if (from === END && !backwards) return;
  const esdbFrom = from === START ? 0n : from === END ? 'end' : from;
  const reading = client.readStream(streamName, {
    fromRevision: esdbFrom,
    direction: backwards ? 'backwards' : 'forwards',
    ...(options.maxCount === undefined ? {} : { maxCount: options.maxCount }),
  });
  try {
    for await (const resolved of reading) {
      if (resolved.event !== undefined) yield fromEsdbRecordedEvent(resolved.event);
    }
  } catch (error) {
    if (!isStreamNotFound(error)) throw error;
  }
}
