export * from './plan.js';
export * from './events.js';
export * from './commands.js';
export * from './state.js';
export * from './entitlement.js';
export * from './errors.js';
export * from './decide.js';
export * from './commissionService.js';
