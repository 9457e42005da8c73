export * from './postgresDataKeyStore.js';
export * from './purgeErasedData.js';
