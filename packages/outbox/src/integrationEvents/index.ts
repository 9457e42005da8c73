export * from './integrationMessage.js';
export * from './events.js';
export * from './mapToIntegration.js';
