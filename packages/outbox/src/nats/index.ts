export * from './jetStreamTarget.js';
