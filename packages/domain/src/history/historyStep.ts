import type { HistoryWorld } from './historyWorld.js';

/**
 * One kind of thing that happens in a CRM's history (a lead is captured, a deal is won). The
 * generator picks steps by weight; a weight of 0 means the step has nothing to act on now. Steps
 * act only through commands, so every history they make is one the domain accepted.
 *
 * This is the generator's extension point: other domains add their steps (tickets, invoices,
 * commission) to the list passed to `generateHistory`.
 */
export interface HistoryStep {
  readonly name: string;
  weight(world: HistoryWorld): number;
  run(world: HistoryWorld): Promise<void>;
}

/** Something done once before the weighted steps begin (an organization, a price list). */
export interface HistorySetup {
  readonly name: string;
  run(world: HistoryWorld): Promise<void>;
}
