export * from './money.js';
export * from './dates.js';
export * from './personalData.js';
export * from './contact.js';
export * from './commandEntry.js';
export * from './eventCodec.js';
export * from './commandCodec.js';
export * from './retention.js';
