export * from './deliveryTarget.js';
export * from './webhookSignature.js';
export * from './webhookTarget.js';
