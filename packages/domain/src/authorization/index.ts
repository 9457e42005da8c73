export * from './roles.js';
export * from './authorize.js';
export * from './salesAuthorizers.js';
export * from './serviceAndFinanceAuthorizers.js';
