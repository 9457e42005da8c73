export * from './helpdeskRow.js';
export * from './helpdeskMapping.js';
export * from './importHelpdeskLog.js';
