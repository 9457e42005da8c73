/**
 * Test kit of `@clientele/domain`: suites that run on every engine, and the seeded history
 * generator for property tests, benchmarks and the demo.
 *
 * @packageDocumentation
 */
export * from './commandContexts.js';
export * from './openedStore.js';
export * from './duplicateCheckSuite.js';
export * from './salesServices.js';
export * from './conversionSuite.js';
export * from './seededRandom.js';
export * from './history/index.js';
export * from './replayProperty.js';
export * from './lifecycle.js';
export * from './codecReference.js';
export * from './serviceAndFinance/index.js';
export * from './erasureSuite.js';
