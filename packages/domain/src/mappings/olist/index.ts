export * from './olistRows.js';
export * from './olistMapping.js';
export * from './importOlist.js';
