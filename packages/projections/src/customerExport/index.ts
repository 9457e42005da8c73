export type { CustomerExportRequest, CustomerExportResult } from './exportCustomers.js';
export { exportCustomers } from './exportCustomers.js';
export type { ExportRecord } from './customerExports.js';
export { customerExports } from './customerExports.js';
export type { ExportedCustomerRow } from './exportFile.js';
export { renderExportFile, sha256Hex } from './exportFile.js';
