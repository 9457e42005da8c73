export * from './values.js';
export * from './events.js';
export * from './commands.js';
export * from './state.js';
export * from './errors.js';
export * from './issue.js';
export * from './decide.js';
export * from './invoiceService.js';
