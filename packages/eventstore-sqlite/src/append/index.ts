export * from './appendTransaction.js';
export * from './jsonText.js';
