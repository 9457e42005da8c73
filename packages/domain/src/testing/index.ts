/**
 * Test kit of `@clientele/domain`: suites that run on every engine. The seeded history generator
 * lives in `@clientele/domain/history`, which needs no test framework.
 *
 * @packageDocumentation
 */
export * from './commandContexts.js';
export * from './openedStore.js';
export * from './duplicateCheckSuite.js';
export * from './conversionSuite.js';
export * from './replayProperty.js';
export * from './lifecycle.js';
export * from './codecReference.js';
export * from './erasureSuite.js';
export * from './quoteToOrderSuite.js';
export * from './contractRenewalSuite.js';
export * from './scheduledInvoicingSuite.js';
export * from './snapshotResume.js';
