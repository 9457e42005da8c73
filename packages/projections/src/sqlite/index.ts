export type { SqliteReadModelStoreOptions } from './sqliteReadModelStore.js';
export { createSqliteReadModelStore } from './sqliteReadModelStore.js';
export { READ_MODEL_SCHEMA_VERSION } from './schema.js';
