export * from './jsonSchema.js';
export * from './domainSchemas.js';
