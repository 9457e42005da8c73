export * from './dataKeyStore.js';
export * from './fieldCipher.js';
export * from './personalDataEncryption.js';
