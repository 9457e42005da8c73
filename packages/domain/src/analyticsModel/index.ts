export * from './events.js';
export * from './commands.js';
export * from './errors.js';
export * from './state.js';
export * from './decide.js';
export * from './analyticsModelService.js';
export * from './stateCodec.js';
