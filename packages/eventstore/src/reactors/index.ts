export * from './checkpointStore.js';
export * from './deterministicId.js';
export * from './reactorRunner.js';
