export * from './migrations.js';
export * from './openDatabase.js';
