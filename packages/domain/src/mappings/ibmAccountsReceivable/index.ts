export * from './receivablesRow.js';
export * from './receivablesMapping.js';
export * from './importReceivables.js';
