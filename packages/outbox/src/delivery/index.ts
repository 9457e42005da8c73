export * from './deliveryTarget.js';
export * from './retryPolicy.js';
export * from './webhookSignature.js';
export * from './webhookTarget.js';
