export * from './postgresCheckpointStore.js';
