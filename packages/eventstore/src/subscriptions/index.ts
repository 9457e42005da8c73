export * from './eventFilter.js';
export * from './followLog.js';
export * from './appendSignal.js';
export * from './appendSignalWaiters.js';
export * from './subscriptionTracker.js';
