export * from './retryWhileBusy.js';
