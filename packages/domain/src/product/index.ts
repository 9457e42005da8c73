export * from './values.js';
export * from './commands.js';
export * from './events.js';
export * from './errors.js';
export * from './state.js';
export * from './decide.js';
export * from './productService.js';
export * from './stateCodec.js';
