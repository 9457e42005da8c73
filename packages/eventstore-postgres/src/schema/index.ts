export * from './migrateSchema.js';
export * from './schemaName.js';
