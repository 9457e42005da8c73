import type {
  CheckpointStore,
  EventStore,
  LeaseOptions,
  ReactorRunner,
  RecordedEvent,
} from '@clientele/eventstore';
import { createReactorRunner } from '@clientele/eventstore';
import { detectAccessAnomalies } from './detect.js';
import { ACCESS_EVENTS, accessHistory, observationOf } from './observations.js';
import { createAnomalyRecorder } from './anomalyRecorder.js';
import type { AnomalyThresholds } from './thresholds.js';
import { defaultAnomalyThresholds } from './thresholds.js';

/** Options of {@link createAccessAnomalyReactor}. */
export interface AccessAnomalyOptions {
  readonly store: EventStore;
  readonly checkpoints: CheckpointStore;
  /** When access is unusual; defaults to {@link defaultAnomalyThresholds}. */
  readonly thresholds?: AnomalyThresholds;
  /** The checkpoint name; defaults to `access-anomaly`. */
  readonly name?: string;
  /** Elects one active runner across app servers (see `createReactorRunner`). */
  readonly lease?: LeaseOptions;
}

/**
 * The access anomaly reactor: follows bulk exports (`CustomersExported`) and recorded reads of
 * personal data (`PersonalDataRead`: reports, timelines, dashboard pages, API reads) and records
 * `AccessAnomalyDetected` for each rule one breaks (see {@link detectAccessAnomalies}), as the
 * system actor `reactor:access-anomaly`. Each anomaly's id derives from the export's event id and
 * the rule, so a replay or a redelivery records nothing twice. Its baseline is read from the log,
 * so a restarted reactor judges exactly as before.
 */
export const createAccessAnomalyReactor = (options: AccessAnomalyOptions): ReactorRunner => {
  const { store } = options;
  const thresholds = options.thresholds ?? defaultAnomalyThresholds;
  const record = createAnomalyRecorder(store);
  const history = accessHistory(store);
  const react = async (event: RecordedEvent): Promise<void> => {
    const observation = observationOf(event);
    const findings = detectAccessAnomalies(await history.before(event), observation, thresholds);
    for (const finding of findings) await record(event, finding, observation);
  };
  return createReactorRunner({
    name: options.name ?? 'access-anomaly',
    store,
    checkpoints: options.checkpoints,
    filter: { eventTypes: ACCESS_EVENTS },
    react,
    lease: options.lease,
  });
};
