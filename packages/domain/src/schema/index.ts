export * from './jsonSchema.js';
export * from './domainSchemas.js';
export * from './catalog/index.js';
