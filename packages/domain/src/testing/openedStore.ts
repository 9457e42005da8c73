import type { EventStore, RecordedEvent } from '@clientele/eventstore';
import type { OpenEventStore } from '@clientele/eventstore/testing';

/** Runs `body` against a fresh store of the engine under test and disposes of it afterwards. */
export const withStoreOpened = async <T>(
  open: OpenEventStore,
  body: (store: EventStore) => Promise<T>,
): Promise<T> => {
  const { store, dispose } = await open();
  try {
    return await body(store);
  } finally {
    await dispose();
  }
};

/** Every event of an async iterable, in order: for tests over small logs only. */
export const collect = async (events: AsyncIterable<RecordedEvent>): Promise<RecordedEvent[]> => {
  const all: RecordedEvent[] = [];
  for await (const event of events) all.push(event);
  return all;
};
