/**
 * `@clientele/eventstore-postgres`: the PostgreSQL engine of the `EventStore` port, on `pg`, and
 * a durable checkpoint store for reactors and projections.
 *
 * @packageDocumentation
 */
export * from './store/index.js';
export * from './checkpoints/index.js';
export * from './schema/index.js';
export * from './privacy/index.js';
export * from './snapshots/index.js';
export * from './leases/index.js';
export * from './connection/index.js';
