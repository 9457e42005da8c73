export * from './salesOrderDocument.js';
export * from './salesOrdersProjection.js';
export * from './revenueByProductReport.js';
export * from './invoiceProductsProjection.js';
export * from './productCollections.js';
