export * from './csv/index.js';
export * from './mappedRow.js';
export * from './importReport.js';
export * from './helpdesk/index.js';
export * from './ibmAccountsReceivable/index.js';
export * from './maven/index.js';
export * from './olist/index.js';
