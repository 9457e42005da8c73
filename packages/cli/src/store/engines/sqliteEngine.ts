import * as E from 'fp-ts/lib/Either.js';
import {
  createSqliteDataKeyStore,
  createSqliteEventStore,
  createSqliteSnapshotStore,
  purgeErasedData,
} from '@clientele/eventstore-sqlite';
import { createSqliteReadModelStore, sqliteRebuildThreads } from '@clientele/projections/sqlite';
import type { OpenedStore } from './openedStore.js';
import { encrypted } from './openedStore.js';

/** Opens a SQLite file: the log, its keys, its snapshots and its read models all live in it. */
export const openSqliteEngine = (file: string): OpenedStore => {
  const store = createSqliteEventStore({ file });
  return {
    engine: 'sqlite',
    store,
    protect: () => {
      const keys = createSqliteDataKeyStore({ database: store.database });
      return E.right({
        store: encrypted(store, keys),
        keys,
        snapshots: createSqliteSnapshotStore(store),
        groupCommit: (work) => store.groupCommit(work),
        purge: async () => {
          const purged = purgeErasedData(store.database);
          return E.isLeft(purged)
            ? E.left(`the purge is blocked at its ${purged.left.step}: ${purged.left.message}`)
            : E.right('secure_delete on, WAL checkpointed and truncated, file vacuumed');
        },
        close: () => store.close(),
      });
    },
    readModels: () => createSqliteReadModelStore({ database: store.database }),
    rebuildThreads: (threads) => sqliteRebuildThreads(file, threads),
  };
};
