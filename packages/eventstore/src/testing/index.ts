/**
 * Test kit for users and for Clientele's own packages: given/when/then for deciders and the
 * engine contract suite every engine runs unchanged.
 *
 * @packageDocumentation
 */
export * from './deciderSpec.js';
export * from './contract/index.js';
export * from './tamperedView.js';
export * from './tenantIsolationContract.js';
export { collect, testEvent, testMetadata } from './contract/fixtures.js';
export * from './dataKeyStoreContract.js';
export * from './permitEveryone.js';
export * from './batchesInGroups.js';
