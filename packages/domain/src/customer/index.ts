export * from './values.js';
export * from './events.js';
export * from './state.js';
export * from './commands.js';
export * from './errors.js';
export * from './decide.js';
export * from './customerService.js';
export * from './nearDuplicates.js';
