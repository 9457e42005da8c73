export * from './mavenRows.js';
export * from './mavenIds.js';
export * from './mavenContext.js';
export * from './mavenPipeline.js';
export * from './mavenProducts.js';
export * from './mavenOrganization.js';
export * from './mavenAccounts.js';
export * from './mavenMapping.js';
