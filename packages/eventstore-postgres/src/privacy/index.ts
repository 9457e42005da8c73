export * from './postgresDataKeyStore.js';
