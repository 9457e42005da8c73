import { describe } from 'vitest';
import type { OpenEventStore } from './fixtures.js';
import { registerCommandHandlingContract } from './commandHandlingContract.js';
import { registerCommandRaceContract } from './commandRaceContract.js';
import { registerConcurrencyContract } from './concurrencyContract.js';
import { registerEnvelopeContract } from './envelopeContract.js';
import { registerExpectedRevisionContract } from './expectedRevisionContract.js';
import { registerIdempotencyContract } from './idempotencyContract.js';
import { registerPropertyContract } from './propertyContract.js';
import { registerReadingContract } from './readingContract.js';
import { registerSubscriptionContract } from './subscriptionContract.js';

export type { EventStoreUnderTest, OpenEventStore } from './fixtures.js';

/**
 * Registers the whole engine contract suite under `describe(engineName)`. Every engine runs it
 * unchanged; an engine is done when it passes. `open` must return a fresh, empty store each call
 * (a new file, schema or database) and a `dispose` that removes it.
 *
 * @example
 * describeEventStoreContract('sqlite (file)', async () => {
 *   const file = tempFile();
 *   const store = createSqliteEventStore({ file });
 *   return { store, dispose: async () => { await store.close(); rmSync(file); } };
 * });
 */
export const describeEventStoreContract = (engineName: string, open: OpenEventStore): void => {
  describe(`${engineName}: event store contract`, () => {
    registerEnvelopeContract(open);
    registerExpectedRevisionContract(open);
    registerReadingContract(open);
    registerSubscriptionContract(open);
    registerIdempotencyContract(open);
    registerConcurrencyContract(open);
    registerCommandHandlingContract(open);
    registerCommandRaceContract(open);
    registerPropertyContract(open);
  });
};
