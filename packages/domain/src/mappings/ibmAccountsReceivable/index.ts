export * from './receivablesRow.js';
export * from './receivablesMapping.js';
