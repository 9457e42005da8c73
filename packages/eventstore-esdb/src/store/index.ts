export * from './esdbEventStore.js';
