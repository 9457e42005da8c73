import type { EventStore } from '@clientele/eventstore';
import type { HistorySetup, HistoryStep } from './historyStep.js';
import type { HistoryWorld } from './historyWorld.js';
import { createSalesServices } from './salesServices.js';
import { createSeededRandom } from './seededRandom.js';
import { createHistoryWorld } from './historyWorld.js';
import { salesHistorySetup, salesHistorySteps } from './salesHistory.js';

/** Options of {@link generateHistory}. */
export interface GenerateHistoryOptions {
  readonly store: EventStore;
  /** The same seed sends the same commands in the same order. */
  readonly seed: number;
  /** How many weighted steps to take (each sends one command or a few). */
  readonly steps: number;
  /** Business time of the first command; defaults to 2026-01-05T09:00:00Z. */
  readonly start?: string;
  readonly tenantId?: string;
  /** The duplicate-check secret; defaults to `<tenantId>-history-key`. */
  readonly tenantKey?: string;
  /** The steps to draw from; defaults to the sales steps. Extensions add theirs to the list. */
  readonly stepKinds?: readonly HistoryStep[];
  /** Run once before the steps; defaults to the sales organization. */
  readonly setup?: readonly HistorySetup[];
  /**
   * Called after each step with the steps done so far, for a progress bar, and the business time
   * the next command will carry (a demo store can record events at that time).
   */
  readonly onProgress?: (done: number, total: number, businessTime: string) => void;
}

/**
 * A seeded history generator for property tests, benchmarks and the demo. It acts only through
 * the command entry points, so every event in the log is one the domain accepted; between steps
 * business time moves forward by a few minutes to a few hours. The same seed sends the same
 * commands (ids included) and its events get the same ids; only what the engine assigns
 * (positions, recorded times) differs between runs.
 *
 * @example
 * const world = await generateHistory({ store, seed: 7, steps: 2_000 });
 * // extended by another domain:
 * await generateHistory({ store, seed: 7, steps: 2_000, stepKinds: [...salesHistorySteps, ...serviceSteps] });
 */
export const generateHistory = async (options: GenerateHistoryOptions): Promise<HistoryWorld> => {
  const tenantId = options.tenantId ?? 'tenant-a';
  const random = createSeededRandom(options.seed);
  // Event ids come from their own sequence, so a step drawing more numbers never shifts them.
  const eventIds = createSeededRandom(options.seed ^ 0x5eed5eed);
  const sales = createSalesServices(
    options.store,
    { tenantId, tenantKey: options.tenantKey ?? `${tenantId}-history-key` },
    eventIds.uuid,
  );
  const world = createHistoryWorld(
    sales,
    random,
    options.start ?? '2026-01-05T09:00:00.000Z',
    tenantId,
  );
  for (const setup of options.setup ?? salesHistorySetup) await setup.run(world);
  const kinds = options.stepKinds ?? salesHistorySteps;
  for (let i = 0; i < options.steps; i += 1) {
    const weighted = kinds
      .map((kind) => [kind, kind.weight(world)] as const)
      .filter(([, w]) => w > 0);
    if (weighted.length === 0) break;
    await random.weighted(weighted).run(world);
    world.advance(random.int(5, 240));
    options.onProgress?.(i + 1, options.steps, world.now());
  }
  await sales.conversion.runner.catchUp();
  return world;
};

/** A sales history of `steps` steps: customers, leads, conversions, deals won and lost. */
export const generateSalesHistory = (
  store: EventStore,
  seed: number,
  steps: number,
): Promise<HistoryWorld> => generateHistory({ store, seed, steps });
