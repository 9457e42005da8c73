export * from './commandLedger.js';
export * from './commandRecord.js';
