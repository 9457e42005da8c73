export * from './csvField.js';
