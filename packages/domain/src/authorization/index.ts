export * from './roles.js';
export * from './authorize.js';
