/**
 * `@clientele/outbox`: the published integration events, the relay that delivers them at least
 * once with stable message ids, webhook delivery with HMAC signatures, and dead letters kept in
 * the log. NATS JetStream delivery is `@clientele/outbox/nats`.
 *
 * @packageDocumentation
 */
export * from './integrationEvents/index.js';
export * from './delivery/index.js';
export * from './deadLetters/index.js';
export * from './relay/index.js';
