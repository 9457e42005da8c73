export * from './canonicalJson.js';
export * from './eventHash.js';
export * from './hashChainedEventStore.js';
export * from './signer.js';
export * from './logSeal.js';
export * from './logSealer.js';
export * from './verifyLog.js';
