export * from './customerSearchProjection.js';
export * from './findCustomers.js';
export * from './searchTokens.js';
