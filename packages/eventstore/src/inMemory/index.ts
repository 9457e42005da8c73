export * from './inMemoryEventStore.js';
