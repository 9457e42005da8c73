/**
 * `@clientele/eventstore`: the envelope, the `EventStore` port and its in-memory engine, command
 * handling, upcasting and reactors. Engines live in their own packages; the contract suite and the
 * given/when/then kit are in `@clientele/eventstore/testing`.
 *
 * @packageDocumentation
 */
export * from './envelope/index.js';
export * from './eventStore/index.js';
export * from './subscriptions/index.js';
export * from './inMemory/index.js';
export * from './upcasting/index.js';
export * from './commandHandling/index.js';
export * from './leases/index.js';
export * from './reactors/index.js';
export * from './integrity/index.js';
export * from './tenancy/index.js';
export * from './privacy/index.js';
export * from './snapshots/index.js';
export * from './migration/index.js';
export * from './asOf/index.js';
export * from './telemetry/index.js';
export * from './logging/index.js';
export * from './failures/index.js';
