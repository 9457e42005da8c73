import { v7 as uuidv7 } from 'uuid';
import type { EventToAppend } from '../../envelope/envelope.js';
import type { EventMetadata } from '../../envelope/metadata.js';
import type { EventStore } from '../../eventStore/eventStore.js';

/** A fresh, empty store of the engine under test, and how to dispose of it. */
export interface EventStoreUnderTest {
  readonly store: EventStore;
  readonly dispose: () => Promise<void>;
}

/** Opens a fresh, empty store of the engine under test. */
export type OpenEventStore = () => Promise<EventStoreUnderTest>;

/** Runs `body` against a fresh store and disposes of it afterwards, even when `body` fails. */
export const withStore = async <T>(
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

/** Metadata as the command handler would write it. */
export const testMetadata = (overrides: Partial<EventMetadata> = {}): EventMetadata => ({
  occurredAt: '2026-03-03T09:15:00.000Z',
  actor: { id: 'rep-1', role: 'sales_rep' },
  correlationId: 'correlation-1',
  causationId: null,
  commandId: uuidv7(),
  schemaVersion: 1,
  ...overrides,
});

/** An event ready to append, with a fresh uuid v7 id. */
export const testEvent = (
  type: string,
  data: unknown = {},
  metadata: Partial<EventMetadata> = {},
): EventToAppend => ({ type, data, eventId: uuidv7(), metadata: testMetadata(metadata) });

/** Drains an async iterable into an array (test sizes only). */
export const collect = async <T>(items: AsyncIterable<T>): Promise<T[]> => {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
};

/** A unique stream name per call, so tests never collide. */
export const uniqueStream = (category = 'Contract'): string => `${category}-${uuidv7()}`;
