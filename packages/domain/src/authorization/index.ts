export * from './roles.js';
export * from './authorize.js';
export * from './readScope.js';
export * from './teamDirectory.js';
export * from './salesAuthorizers.js';
export * from './serviceAndFinanceAuthorizers.js';
export * from './customerExportAuthorizer.js';
export * from './engagementAuthorizers.js';
