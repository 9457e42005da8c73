export type { PostgresReadModelStoreOptions } from './postgresReadModelStore.js';
export { createPostgresReadModelStore } from './postgresReadModelStore.js';
