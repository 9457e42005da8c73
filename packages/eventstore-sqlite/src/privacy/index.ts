export * from './sqliteDataKeyStore.js';
export * from './purgeErasedData.js';
