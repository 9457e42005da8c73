export * from './sqliteSnapshotStore.js';
