export * from './installments.js';
export * from './schedule.js';
export * from './scheduledInvoicing.js';
