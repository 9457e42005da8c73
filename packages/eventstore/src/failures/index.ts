export * from './retryWithBackoff.js';
export * from './parkedEvents.js';
export * from './failurePolicy.js';
