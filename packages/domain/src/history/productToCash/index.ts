import type { EventStore } from '@clientele/eventstore';
import type { HistorySetup, HistoryStep } from '../historyStep.js';
import { createSeededRandom } from '../seededRandom.js';
import { afterSaleSteps } from './afterSaleSteps.js';
import { catalogSetup } from './catalogSetup.js';
import { expenseSteps } from './expenseSteps.js';
import type { GeneratedProductToCash } from './productToCashServices.js';
import { createGeneratedProductToCash } from './productToCashServices.js';
import { quoteSteps } from './quoteSteps.js';

export * from './productToCashServices.js';
export { GENERATED_PRICE_LISTS, GENERATED_PRODUCTS } from './catalogSetup.js';

/** The product-to-cash extension of the history generator. */
export interface ProductToCashHistory {
  readonly services: GeneratedProductToCash;
  /** Run after the sales setup (budgets need the reps). */
  readonly setup: readonly HistorySetup[];
  /** Add to the sales steps. */
  readonly steps: readonly HistoryStep[];
}

/**
 * Catalog, price lists, quotes (discount approvals, revisions, expiry), orders and contracts from
 * accepted quotes, renewals, scheduled invoices and their collection, and sales expenses against
 * budgets, for `generateHistory` through its extension point. Event ids come from their own
 * seeded sequence, so the same seed repeats the same history.
 *
 * @example
 * const cash = productToCashHistory(store, 7);
 * await generateHistory({ store, seed: 7, steps: 2_000,
 *   setup: [...salesHistorySetup, ...cash.setup], stepKinds: [...salesHistorySteps, ...cash.steps] });
 */
export const productToCashHistory = (store: EventStore, seed: number): ProductToCashHistory => {
  const services = createGeneratedProductToCash(store, createSeededRandom(seed ^ 0x0ca5_c0de).uuid);
  return {
    services,
    setup: [catalogSetup(services)],
    steps: [...quoteSteps(services), ...afterSaleSteps(services, store), ...expenseSteps(services)],
  };
};
