export * from './sqliteLeaseStore.js';
export * from './leaseRows.js';
