export * from './quoteToOrderReactor.js';
export * from './productToCashServices.js';
