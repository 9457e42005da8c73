/**
 * The seeded history generator of `@clientele/domain/history`: a believable, reproducible CRM
 * history sent as commands through the domain's entry points, for the demo, benchmarks and property
 * tests. It needs no test framework, so an installed CLI can run it.
 *
 * @packageDocumentation
 */
export * from './seededRandom.js';
export * from './salesServices.js';
export * from './historyWorld.js';
export * from './historyStep.js';
export * from './names.js';
export * from './salesHistory.js';
export * from './generateHistory.js';
export * from './pool.js';
export * from './serviceAndFinance/index.js';
export * from './engagement/index.js';
export * from './productToCash/index.js';
