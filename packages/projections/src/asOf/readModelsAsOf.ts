import { type AsOf, type EventStore, type Position, isWithin } from '@clientele/eventstore';
import { applyEvent } from '../projection/applyEvent.js';
import type { AnyProjection } from '../projection/projection.js';
import type { StoredDocument } from '../projection/storedDocument.js';
import { buildId } from '../store/buildId.js';
import { createInMemoryReadModelStore } from '../store/inMemoryReadModelStore.js';
import type { ReadModelStore } from '../store/readModelStore.js';

/**
 * The read models as they were *as known at* T (events recorded by T) or *as effective at* T
 * (events whose business time is up to T), built in memory from the log, so any report can be
 * asked "as of" either way. The documents are held in memory: meant for an audit of one moment,
 * not for a live read model of a large log.
 */
export const readModelsAsOf = async (
  events: EventStore,
  projections: readonly AnyProjection[],
  asOf: AsOf,
): Promise<ReadModelStore> => {
  const within = isWithin(asOf);
  const documents = projections.map(() => new Map<string, StoredDocument>());
  let last: Position | undefined;
  for await (const event of events.readAll()) {
    last = event.position;
    if (!within(event)) continue;
    projections.forEach((projection, i) =>
      applyEvent(projection, documents[i] as Map<string, StoredDocument>, event),
    );
  }
  const store = createInMemoryReadModelStore();
  for (const [i, projection] of projections.entries()) {
    const ref = { name: projection.name, build: buildId(projection.version, 1) };
    await store.createBuild(ref);
    await store.commit({
      documents: [...(documents[i] as Map<string, StoredDocument>).values()].map((document) => ({
        ...ref,
        document,
      })),
      checkpoints: last === undefined ? [] : [{ ...ref, position: last }],
    });
    await store.activate(ref);
  }
  return store;
};
