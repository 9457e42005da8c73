export * from './upcasterRegistry.js';
export * from './upcastingEventStore.js';
