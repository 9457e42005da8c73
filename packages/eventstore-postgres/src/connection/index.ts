export * from './connectionLoss.js';
export * from './onceReady.js';
