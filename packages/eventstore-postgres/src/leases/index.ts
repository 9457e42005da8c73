export * from './postgresLeaseStore.js';
export * from './leaseRows.js';
