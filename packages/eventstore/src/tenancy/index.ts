export * from './tenantScopedEventStore.js';
