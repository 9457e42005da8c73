import * as E from 'fp-ts/lib/Either.js';
import pg from 'pg';
import {
  createPostgresDataKeyStore,
  createPostgresEventStore,
  createPostgresSnapshotStore,
  purgeErasedData,
} from '@clientele/eventstore-postgres';
import { createPostgresReadModelStore } from '@clientele/projections/postgres';
import type { OpenedStore } from './openedStore.js';
import { encrypted } from './openedStore.js';

/** Splits `?schema=NAME` off a PostgreSQL URL (default schema `clientele`). */
const postgresSchema = (url: string): { connectionString: string; schema: string } => {
  const parsed = new URL(url);
  const schema = parsed.searchParams.get('schema') ?? 'clientele';
  parsed.searchParams.delete('schema');
  return { connectionString: parsed.toString(), schema };
};

/**
 * Opens a PostgreSQL schema (`?schema=NAME`, default `clientele`): the log and its keys and
 * snapshots in it, the read models in `NAME_read_models` beside it.
 */
export const openPostgresEngine = (url: string): OpenedStore => {
  const { connectionString, schema } = postgresSchema(url);
  const store = createPostgresEventStore({ connectionString, schema });
  return {
    engine: 'postgres',
    store,
    protect: () => {
      const pool = new pg.Pool({ connectionString, max: 2 });
      const keys = createPostgresDataKeyStore({ pool, schema });
      return E.right({
        store: encrypted(store, keys),
        keys,
        snapshots: createPostgresSnapshotStore({ pool, schema }),
        groupCommit: (work) => store.groupCommit(work),
        purge: async () => {
          await purgeErasedData(pool, schema);
          return E.right(`VACUUM FULL of ${schema}.data_keys and ${schema}.snapshots`);
        },
        close: async () => {
          await pool.end();
          await store.close();
        },
      });
    },
    readModels: () =>
      createPostgresReadModelStore({
        connection: connectionString,
        schema: `${schema}_read_models`,
      }),
  };
};
