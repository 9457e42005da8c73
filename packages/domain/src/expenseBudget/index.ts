export * from './commands.js';
export * from './events.js';
export * from './decide.js';
export * from './expenseBudgetService.js';
export * from './stateCodec.js';
