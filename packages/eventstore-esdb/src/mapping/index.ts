export * from './errors.js';
export * from './events.js';
export * from './filters.js';
export * from './metadata.js';
export * from './positions.js';
export * from './revisions.js';
