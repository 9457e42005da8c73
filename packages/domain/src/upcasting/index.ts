export * from './domainUpcasters.js';
