import type { EventStore } from '@clientele/eventstore';
import type { HistorySetup, HistoryStep } from '../historyStep.js';
import type { HistoryWorld } from '../historyWorld.js';
import type { EngagementServices } from './engagementServices.js';
import { createSeededRandom } from '../seededRandom.js';
import { logActivityStep } from './activitySteps.js';
import { calendarSteps } from './calendarSteps.js';
import { createEngagementServices } from './engagementServices.js';
import { taskSteps } from './taskSteps.js';

export * from './engagementServices.js';

/** The activities, tasks and calendar extension of the history generator. */
export interface EngagementHistory {
  readonly services: EngagementServices;
  /** Run with the sales setup: it gives the reminder reactor the generator's business clock. */
  readonly setup: HistorySetup;
  /** Add to the sales steps. */
  readonly steps: readonly HistoryStep[];
}

/**
 * Activities, tasks with reminders and appointments for `generateHistory`, through its extension
 * point. Event ids come from their own seeded sequence, so the same seed repeats the same
 * history. The reminder reactor reads the generator's business time as its clock.
 *
 * @example
 * const engagement = engagementHistory(store, 7);
 * await generateHistory({ store, seed: 7, steps: 2_000,
 *   setup: [...salesHistorySetup, engagement.setup],
 *   stepKinds: [...salesHistorySteps, ...engagement.steps] });
 */
export const engagementHistory = (store: EventStore, seed: number): EngagementHistory => {
  let world: HistoryWorld | undefined;
  const clock = { now: () => world?.now() ?? new Date(0).toISOString() };
  const ids = createSeededRandom(seed ^ 0x0ac71f17);
  const services = createEngagementServices(store, clock, () => ids.uuid());
  return {
    services,
    setup: {
      name: 'engagementClock',
      run: (bound) => {
        world = bound;
        return Promise.resolve();
      },
    },
    steps: [logActivityStep(services), ...taskSteps(services), ...calendarSteps(services)],
  };
};
