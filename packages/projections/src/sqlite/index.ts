/**
 * `@clientele/projections/sqlite`: the read-model store in SQLite, in its own file or beside the
 * log in the SQLite engine's file. It loads `better-sqlite3`, which the root entry never does.
 *
 * @packageDocumentation
 */
export type { SqliteReadModelStoreOptions } from './sqliteReadModelStore.js';
export { createSqliteReadModelStore } from './sqliteReadModelStore.js';
export { READ_MODEL_SCHEMA_VERSION } from './schema.js';
export type { SqliteRebuildConfig } from './sqliteRebuildSide.js';
export { openSqliteRebuildSide, sqliteRebuildThreads } from './sqliteRebuildSide.js';
