export * from './upcasterRegistry.js';
