import type { EventStore } from '@clientele/eventstore';
import { createSqliteEventStore } from '@clientele/eventstore-sqlite';
import { createPostgresEventStore } from '@clientele/eventstore-postgres';
import type { ReadModelStore } from '@clientele/projections';
import { createPostgresReadModelStore } from '@clientele/projections/postgres';
import { createSqliteReadModelStore } from '@clientele/projections/sqlite';

/** The log and the read models beside it. */
export interface OpenedStores {
  readonly store: EventStore;
  readonly readModels: ReadModelStore;
  close(): Promise<void>;
}

/** Where the service keeps its data, from its environment. */
export interface StoreSettings {
  /** A PostgreSQL connection string; when set, the log and read models live there. */
  readonly databaseUrl?: string | undefined;
  /** The PostgreSQL schema of the log; the read models go in `<schema>_read_models`. */
  readonly schema?: string | undefined;
  /** The SQLite file otherwise; read models live in their own tables of the same file. */
  readonly file?: string | undefined;
}

/**
 * SQLite by default (one file, nothing to run), PostgreSQL when `databaseUrl` is set (several
 * instances of the service sharing one store). Both create their tables on first use.
 */
export const openStores = (settings: StoreSettings): OpenedStores => {
  if (settings.databaseUrl !== undefined && settings.databaseUrl !== '') {
    const schema = settings.schema ?? 'clientele';
    const store = createPostgresEventStore({ connectionString: settings.databaseUrl, schema });
    const readModels = createPostgresReadModelStore({
      connection: settings.databaseUrl,
      schema: `${schema}_read_models`,
    });
    return { store, readModels, close: () => closeBoth(readModels, store) };
  }
  const store = createSqliteEventStore({ file: settings.file ?? 'crm.db' });
  const readModels = createSqliteReadModelStore({ database: store.database });
  return { store, readModels, close: () => closeBoth(readModels, store) };
};

const closeBoth = async (readModels: ReadModelStore, store: EventStore): Promise<void> => {
  await readModels.close();
  await store.close();
};
