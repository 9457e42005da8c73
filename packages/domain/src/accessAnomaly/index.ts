export * from './thresholds.js';
export * from './events.js';
export * from './commands.js';
export * from './decide.js';
export * from './detect.js';
export * from './accessAnomalyReactor.js';
export * from './afterNoticeReactor.js';
export * from './observations.js';
