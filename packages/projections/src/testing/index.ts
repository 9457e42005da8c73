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
  dumpActive,
  eventsPerType,
  ledgerEvent,
  ledgerSteps,
} from './syntheticLedger.js';
export type { HistoryEntry } from './domainHistory.js';
export { appendHistory } from './domainHistory.js';
export * as salesEvents from './salesEvents.js';
export {
  commissionHistories,
  invoiceHistories,
  ticketHistories,
} from './serviceAndFinanceEvents.js';
