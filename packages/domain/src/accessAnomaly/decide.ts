import * as E from 'fp-ts/lib/Either.js';
import type { Decider } from '@clientele/eventstore';
import type { AccessAnomalyCommand } from './commands.js';
import type { AccessAnomalyDetected } from './events.js';

/** Whether the anomaly is on record: one stream per anomaly, `AccessAnomaly-<anomalyId>`. */
export interface AccessAnomalyState {
  readonly recorded: boolean;
}

/**
 * Records an anomaly once: a second report of the same anomaly (a redelivered event, a replay)
 * changes nothing. Nothing is refused: the detector decided, this only keeps the record.
 */
export const accessAnomalyDecider: Decider<
  AccessAnomalyCommand,
  AccessAnomalyDetected,
  AccessAnomalyState,
  never
> = {
  initialState: { recorded: false },
  decide: ({ kind: _, ...data }, state) =>
    E.right(state.recorded ? [] : [{ type: 'AccessAnomalyDetected', data }]),
  evolve: () => ({ recorded: true }),
};
