import type { EventStoreDBClient } from '@eventstore/db-client';
import type { ReadStreamOptions, RecordedEvent } from '@clientele/eventstore';
import { END, START } from '@clientele/eventstore';
import { isStreamNotFound } from '../mapping/errors.js';
import { fromEsdbRecordedEvent } from '../mapping/events.js';

/** The revision EventStoreDB reads from; undefined for a forwards read from the end (nothing). */
const esdbFromRevision = (
  from: NonNullable<ReadStreamOptions['fromRevision']>,
  backwards: boolean,
): bigint | 'end' | undefined => {
  if (from === END) return backwards ? 'end' : undefined;
  return from === START ? 0n : from;
};

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
  const from = esdbFromRevision(options.fromRevision ?? (backwards ? END : START), backwards);
  if (from === undefined) return;
  const reading = client.readStream(streamName, {
    fromRevision: from,
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
