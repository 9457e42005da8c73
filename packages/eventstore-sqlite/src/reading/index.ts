export * from './eventFilterSql.js';
export * from './eventRow.js';
export * from './pagedReads.js';
