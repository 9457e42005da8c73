/**
 * Test kit of `@clientele/projections`: the contract every read-model store passes, and property
 * checks for projections.
 *
 * @packageDocumentation
 */
export { describeReadModelStoreContract } from './readModelStoreContract.js';
