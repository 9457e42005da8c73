export * from './events.js';
export * from './commands.js';
export * from './decide.js';
export * from './retentionPolicy.js';
export * from './domainPersonalData.js';
export * from './footprint.js';
export * from './privacyService.js';
export * from './rectification.js';
