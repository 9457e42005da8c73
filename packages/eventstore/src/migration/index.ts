export * from './contentHash.js';
export * from './migrate.js';
