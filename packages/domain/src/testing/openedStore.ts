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

/**
 * Every event of the global log once it holds at least `atLeast`: an engine may hold back the
 * newest events while an older transaction is still open (PostgreSQL reads below the oldest
 * running one), so a read straight after an append can miss them for a moment.
 */
export const settledLog = async (
  store: EventStore,
  atLeast: number,
  timeoutMs = 5_000,
): Promise<RecordedEvent[]> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const events = await collect(store.readAll());
    if (events.length >= atLeast || Date.now() > deadline) return events;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};
