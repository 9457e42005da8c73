export * from './assignmentBoard.js';
export * from './policies.js';
export * from './boardProjection.js';
