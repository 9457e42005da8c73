export * from './eventStore.js';
export * from './wrongExpectedRevision.js';
export * from './validateAppend.js';
export * from './storeUnavailable.js';
