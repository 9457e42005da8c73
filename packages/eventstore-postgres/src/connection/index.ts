export * from './connectionLoss.js';
export * from './onceReady.js';
export * from './inTransaction.js';
