export * from './snapshotStore.js';
export * from './snapshotPolicy.js';
