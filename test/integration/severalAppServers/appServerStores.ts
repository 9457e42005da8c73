import pg from 'pg';
import type { CheckpointStore, EventStore, LeaseStore } from '@clientele/eventstore';
import {
  createPostgresCheckpointStore,
  createPostgresEventStore,
  createPostgresLeaseStore,
} from '@clientele/eventstore-postgres';
import {
  createSqliteCheckpointStore,
  createSqliteEventStore,
  createSqliteLeaseStore,
} from '@clientele/eventstore-sqlite';
import type { ReadModelStore } from '@clientele/projections';
import { createPostgresReadModelStore } from '@clientele/projections/postgres';
import { createSqliteReadModelStore } from '@clientele/projections/sqlite';

/** What an app server opens: the log, reactor checkpoints and leases, and the read models. */
export interface AppServerStores {
  readonly store: EventStore;
  readonly checkpoints: CheckpointStore;
  readonly leases: LeaseStore;
  readonly readModels: ReadModelStore;
}

/** The read models' schema beside an event store schema on PostgreSQL. */
export const readModelSchemaOf = (schema: string): string => `${schema}_read`;

/**
 * Opens the stores the way an app server would: on PostgreSQL the log in `schema` and the read
 * models in their own schema; on SQLite everything in one file.
 */
export const openAppServerStores = async (
  engine: string | undefined,
  location: readonly string[],
): Promise<AppServerStores> => {
  if (engine === 'postgres') {
    const [connectionString, schema = ''] = location;
    const pool = new pg.Pool({ connectionString, max: 6 });
    return {
      store: createPostgresEventStore({ pool, schema }),
      checkpoints: createPostgresCheckpointStore({ pool, schema }),
      leases: createPostgresLeaseStore({ pool, schema }),
      readModels: createPostgresReadModelStore({
        connection: pool,
        schema: readModelSchemaOf(schema),
      }),
    };
  }
  if (engine === 'sqlite') {
    const store = createSqliteEventStore({ file: location[0] ?? '' });
    return {
      store,
      checkpoints: createSqliteCheckpointStore(store),
      leases: createSqliteLeaseStore(store),
      readModels: createSqliteReadModelStore({ database: store.database }),
    };
  }
  throw new Error(`unknown engine ${String(engine)}: postgres or sqlite`);
};
