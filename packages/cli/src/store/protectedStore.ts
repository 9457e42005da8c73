import * as E from 'fp-ts/lib/Either.js';
import pg from 'pg';
import type { DataKeyStore, EventStore, SnapshotStore } from '@clientele/eventstore';
import {
  createInMemoryDataKeyStore,
  createInMemorySnapshotStore,
  withHashChain,
  withPersonalDataEncryption,
} from '@clientele/eventstore';
import {
  createSqliteDataKeyStore,
  createSqliteSnapshotStore,
  purgeErasedData,
} from '@clientele/eventstore-sqlite';
import {
  createPostgresDataKeyStore,
  createPostgresSnapshotStore,
  purgeErasedKeys,
} from '@clientele/eventstore-postgres';
import { locateDomainPersonalData } from '@clientele/domain';
import type { OpenedStore } from './openStore.js';

/**
 * A store as the CLI writes and reads the domain through it: the engine's hash chain, and personal
 * fields encrypted per person with keys kept in the engine's own key table; plus the snapshot
 * store and the purge step that go with them.
 */
export interface ProtectedStore {
  /** The store commands go through: encrypts on append, decrypts on read. */
  readonly store: EventStore;
  readonly keys: DataKeyStore;
  readonly snapshots: SnapshotStore;
  /** The engine's documented purge after a key was destroyed; says what it did. */
  readonly purge: () => Promise<E.Either<string, string>>;
  readonly close: () => Promise<void>;
}

const encrypted = (engine: EventStore, keys: DataKeyStore) =>
  withPersonalDataEncryption(withHashChain(engine), { keys, locate: locateDomainPersonalData });

/**
 * Puts the chain and the encryption around an opened engine. EventStoreDB has no key table here:
 * plug a KMS-backed `DataKeyStore` through the library instead.
 */
export const protectedStore = (opened: OpenedStore): E.Either<string, ProtectedStore> => {
  switch (opened.engine) {
    case 'sqlite': {
      const keys = createSqliteDataKeyStore({ database: opened.store.database });
      return E.right({
        store: encrypted(opened.store, keys),
        keys,
        snapshots: createSqliteSnapshotStore(opened.store),
        purge: async () => {
          const purged = purgeErasedData(opened.store.database);
          return E.isLeft(purged)
            ? E.left(`the purge is blocked at its ${purged.left.step}: ${purged.left.message}`)
            : E.right('secure_delete on, WAL checkpointed and truncated, file vacuumed');
        },
        close: () => opened.store.close(),
      });
    }
    case 'postgres': {
      const pool = new pg.Pool({ connectionString: opened.connectionString, max: 2 });
      const { schema } = opened;
      const keys = createPostgresDataKeyStore({ pool, schema });
      return E.right({
        store: encrypted(opened.store, keys),
        keys,
        snapshots: createPostgresSnapshotStore({ pool, schema }),
        purge: async () => {
          await purgeErasedKeys(pool, schema);
          return E.right(`VACUUM FULL of ${schema}.data_keys and ${schema}.snapshots`);
        },
        close: async () => {
          await pool.end();
          await opened.store.close();
        },
      });
    }
    case 'memory': {
      const keys = createInMemoryDataKeyStore();
      return E.right({
        store: encrypted(opened.store, keys),
        keys,
        snapshots: createInMemorySnapshotStore(),
        purge: async () => E.right('nothing to purge in memory'),
        close: () => opened.store.close(),
      });
    }
    case 'esdb':
      return E.left(
        'EventStoreDB keeps no data keys here: use the library with a DataKeyStore backed by your KMS',
      );
  }
};
