/**
 * Test kit of `@clientele/projections`: the contract every read-model store passes, and property
 * checks for projections.
 *
 * @packageDocumentation
 */
export { describeReadModelStoreContract } from './readModelStoreContract.js';
export type { Balance, LedgerStep } from './syntheticLedger.js';
export {
  appendLedger,
  balances,
  eventsPerType,
  ledgerEvent,
  ledgerSteps,
} from './syntheticLedger.js';
export type { HistoryEntry } from './domainHistory.js';
export { appendHistory } from './domainHistory.js';
/**
 * Builders of valid sales events (a lead captured, a deal opened or won, a rep joining a team) for
 * hand-worked report specs: each returns a `HistoryEntry` for `appendHistory`.
 */
export * as salesEvents from './salesEvents.js';
export { customerRegistered } from './customerEvents.js';
export {
  campaignHistories,
  commissionHistories,
  invoiceHistories,
  ticketHistories,
} from './serviceAndFinanceEvents.js';
export { dumpActive } from './dumpActive.js';
export type { IncrementalRun } from './projectionProperties.js';
export {
  expectFeedingTwiceChangesNothing,
  expectIncrementalEqualsRebuilt,
} from './projectionProperties.js';
export { administratorAccess, allowed } from './readAccess.js';
export { describeReadAuthorization } from './readAuthorizationSuite.js';
export {
  FIXTURE_OWNERS,
  FIXTURE_TEAMS,
  readAuthorizationHistory,
} from './readAuthorizationFixture.js';
