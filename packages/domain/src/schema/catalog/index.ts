export * from './catalogEntries.js';
export * from './schemaCompatibility.js';
export * from './catalogCheck.js';
export * from './catalogIndex.js';
export * from './storedEventCheck.js';
