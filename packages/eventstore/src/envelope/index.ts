export * from './position.js';
export * from './revision.js';
export * from './streamName.js';
export * from './metadata.js';
export * from './envelope.js';
export * from './json.js';
export * from './decodeErrors.js';
