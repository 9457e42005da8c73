export * from './commands.js';
export * from './events.js';
export * from './errors.js';
export * from './state.js';
export * from './decide.js';
export * from './salesOrderService.js';
export * from './billingPlan.js';
export * from './stateCodec.js';
