export * from './lease.js';
export * from './leaseKeeper.js';
export * from './inMemoryLeaseStore.js';
