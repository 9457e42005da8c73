export * from './dealRevenueDocument.js';
export * from './dealRevenueProjection.js';
export * from './productShares.js';
export * from './dealProfitabilityReport.js';
