/**
 * `@clientele/eventstore-sqlite`: the embedded default engine. One SQLite file, nothing to start.
 *
 * @packageDocumentation
 */
export { createSqliteEventStore } from './store/sqliteEventStore.js';
export type { SqliteEventStore, SqliteEventStoreOptions } from './store/options.js';
export { IncompatibleStoreError, SCHEMA_VERSION } from './schema/index.js';
export { createSqliteCheckpointStore } from './checkpoints/index.js';
export type { SqliteCheckpointStore } from './checkpoints/index.js';
export { createSqliteSnapshotStore } from './snapshots/index.js';
export { createSqliteDataKeyStore, purgeErasedData } from './privacy/index.js';
export type { PurgeBlocked, SqliteDataKeyStoreOptions } from './privacy/index.js';
export {
  createLeaseTableSql,
  createSqliteLeaseRows,
  createSqliteLeaseStore,
} from './leases/index.js';
export type { SqliteLeaseRows } from './leases/index.js';
export { retryWhileBusy, DEFAULT_COMMANDS_PER_COMMIT } from './store/index.js';
export type { SqliteGroupCommitOptions } from './store/index.js';
