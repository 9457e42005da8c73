export * from './appendSignal.js';
export * from './logSource.js';
