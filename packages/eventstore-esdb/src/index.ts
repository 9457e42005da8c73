/**
 * `@clientele/eventstore-esdb`: the EventStoreDB/KurrentDB engine of the `EventStore` port, on
 * `@eventstore/db-client`, and the pure mapping between our envelope and EventStoreDB's events.
 *
 * @packageDocumentation
 */
export * from './store/index.js';
export * from './mapping/index.js';
export * from './commands/index.js';
