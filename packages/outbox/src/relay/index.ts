export * from './outboxRelay.js';
