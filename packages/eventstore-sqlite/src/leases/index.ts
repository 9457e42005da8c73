export * from './sqliteLeaseStore.js';
