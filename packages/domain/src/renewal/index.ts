export * from './contractRenewals.js';
