export * from './parseCsv.js';
