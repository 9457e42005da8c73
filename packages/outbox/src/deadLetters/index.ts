export * from './deadLetterLog.js';
