export * from './commands.js';
export * from './events.js';
export * from './decide.js';
export * from './accessLogService.js';
export * from './accessLogRecorder.js';
