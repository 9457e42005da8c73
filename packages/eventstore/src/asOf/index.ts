export * from './asOf.js';
