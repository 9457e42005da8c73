import * as E from 'fp-ts/lib/Either.js';
import { createEsdbEventStore } from '@clientele/eventstore-esdb';
import { createInMemoryReadModelStore } from '@clientele/projections';
import type { OpenedStore } from './openedStore.js';

/**
 * Opens an EventStoreDB connection. It has no key table here (plug a KMS-backed `DataKeyStore`
 * through the library instead), and its read models are rebuilt in memory on each run.
 */
export const openEsdbEngine = (connectionString: string): OpenedStore => ({
  engine: 'esdb',
  store: createEsdbEventStore({ connectionString }),
  protect: () =>
    E.left(
      'EventStoreDB keeps no data keys here: use the library with a DataKeyStore backed by your KMS',
    ),
  readModels: () => createInMemoryReadModelStore(),
});
