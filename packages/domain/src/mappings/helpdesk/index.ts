export * from './helpdeskRow.js';
export * from './helpdeskMapping.js';
