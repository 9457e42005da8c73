/**
 * `@clientele/projections/postgres`: the read-model store in a PostgreSQL schema. It loads `pg`,
 * which the root entry never does.
 *
 * @packageDocumentation
 */
export type { PostgresReadModelStoreOptions } from './postgresReadModelStore.js';
export { createPostgresReadModelStore } from './postgresReadModelStore.js';
