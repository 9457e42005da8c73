import * as E from 'fp-ts/lib/Either.js';
import type { EventStore } from '@clientele/eventstore';
import { sampleEvent } from './sampleEvents.js';

/** Appends `count` sample events in batches of `batchSize` to `streamOf(batch)` (outside timing). */
export const populate = async (
  store: EventStore,
  count: number,
  streamOf: (batch: number) => string,
  batchSize = 500,
): Promise<void> => {
  for (let first = 0, batch = 0; first < count; first += batchSize, batch += 1) {
    const size = Math.min(batchSize, count - first);
    const events = Array.from({ length: size }, (_, offset) => sampleEvent(first + offset));
    const result = await store.appendToStream(streamOf(batch), events);
    if (E.isLeft(result)) throw new Error(result.left.message);
  }
};
