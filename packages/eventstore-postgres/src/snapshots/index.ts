export * from './postgresSnapshotStore.js';
