export * from './salesOrderDocument.js';
export * from './salesOrdersProjection.js';
export * from './revenueByProductReport.js';
