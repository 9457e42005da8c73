export * from './appendTransaction.js';
export * from './busyRetry.js';
export * from './jsonText.js';
export * from './groupCommit.js';
