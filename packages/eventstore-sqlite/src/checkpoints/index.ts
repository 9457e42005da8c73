export * from './sqliteCheckpointStore.js';
