export * from './postgresDataKeyStore.js';
export * from './purgeErasedKeys.js';
