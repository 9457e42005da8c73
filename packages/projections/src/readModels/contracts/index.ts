export * from './contractDocument.js';
export * from './contractsProjection.js';
export * from './contractRenewalsReport.js';
