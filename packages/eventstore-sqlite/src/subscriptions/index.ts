export * from './appendSignal.js';
export * from './sqliteLogSource.js';
