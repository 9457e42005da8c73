import type { EventStore } from '@clientele/eventstore';
import type { HistorySetup, HistoryStep } from '../historyStep.js';
import type { FinanceServices } from './financeServices.js';
import { createSeededRandom } from '../seededRandom.js';
import { createFinanceServices } from './financeServices.js';
import { financeSteps, targetsSetup } from './financeSteps.js';
import { serviceSteps } from './serviceSteps.js';

export * from './financeServices.js';
export { GENERATED_PLAN } from './financeSteps.js';

/** The service-and-finance extension of the history generator. */
export interface ServiceAndFinanceHistory {
  readonly services: FinanceServices;
  /** Run after the sales setup (it needs the reps and managers). */
  readonly setup: readonly HistorySetup[];
  /** Add to the sales steps. */
  readonly steps: readonly HistoryStep[];
}

/**
 * Tickets, campaigns, invoices, payments, refunds, targets and commission for `generateHistory`,
 * through its extension point. Event ids come from their own seeded sequence, so the same seed
 * repeats the same history. After generating, `services.accrual.catchUp()` brings commission up to
 * date with the last payments.
 *
 * @example
 * const finance = serviceAndFinanceHistory(store, 7);
 * await generateHistory({ store, seed: 7, steps: 2_000,
 *   setup: [...salesHistorySetup, ...finance.setup], stepKinds: [...salesHistorySteps, ...finance.steps] });
 */
export const serviceAndFinanceHistory = (
  store: EventStore,
  seed: number,
): ServiceAndFinanceHistory => {
  const services = createFinanceServices(store, createSeededRandom(seed ^ 0x0f1a4ce5).uuid);
  return {
    services,
    setup: [targetsSetup(services)],
    steps: [...serviceSteps(services), ...financeSteps(services)],
  };
};
