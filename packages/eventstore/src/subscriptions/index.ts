export * from './eventFilter.js';
export * from './followLog.js';
