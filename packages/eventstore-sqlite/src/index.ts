/**
 * `@clientele/eventstore-sqlite`: the embedded default engine. One SQLite file, nothing to start.
 *
 * @packageDocumentation
 */
export { createSqliteEventStore } from './sqliteEventStore.js';
export type { SqliteEventStore, SqliteEventStoreOptions } from './options.js';
export { IncompatibleStoreError, SCHEMA_VERSION } from './schema/index.js';
export { createSqliteCheckpointStore } from './checkpoints/index.js';
export type { SqliteCheckpointStore } from './checkpoints/index.js';
export { createSqliteSnapshotStore } from './snapshots/index.js';
export { createSqliteDataKeyStore, purgeErasedData } from './privacy/index.js';
export type { PurgeBlocked, SqliteDataKeyStoreOptions } from './privacy/index.js';
export { createSqliteLeaseRows, createSqliteLeaseStore } from './leases/index.js';
export type { SqliteLeaseRows } from './leases/index.js';
export { retryWhileBusy } from './append/index.js';
