import * as E from 'fp-ts/lib/Either.js';
import {
  createInMemoryDataKeyStore,
  createInMemoryEventStore,
  createInMemorySnapshotStore,
} from '@clientele/eventstore';
import { createInMemoryReadModelStore } from '@clientele/projections';
import type { OpenedStore } from './openedStore.js';
import { encrypted } from './openedStore.js';

/** Opens an empty in-memory store; its read models live in memory too, gone when the run ends. */
export const openMemoryEngine = (): OpenedStore => {
  const store = createInMemoryEventStore();
  return {
    engine: 'memory',
    store,
    protect: () => {
      const keys = createInMemoryDataKeyStore();
      return E.right({
        store: encrypted(store, keys),
        keys,
        snapshots: createInMemorySnapshotStore(),
        purge: async () => E.right('nothing to purge in memory'),
        close: () => store.close(),
      });
    },
    readModels: () => createInMemoryReadModelStore(),
  };
};
