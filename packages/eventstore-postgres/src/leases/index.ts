export * from './postgresLeaseStore.js';
