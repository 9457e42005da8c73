export * from './quoteDocument.js';
export * from './quotesProjection.js';
export * from './quoteConversionReport.js';
