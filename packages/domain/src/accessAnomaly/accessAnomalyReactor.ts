import * as E from 'fp-ts/lib/Either.js';
import type {
  CheckpointStore,
  EventStore,
  LeaseOptions,
  ReactorRunner,
  RecordedEvent,
} from '@clientele/eventstore';
import {
  createCommandHandler,
  createReactorRunner,
  deriveId,
  streamName,
  systemActor,
  trustedSystemWork,
} from '@clientele/eventstore';
import { detectAccessAnomalies } from './detect.js';
import { ACCESS_EVENTS, accessHistory, observationOf } from './observations.js';
import { accessAnomalyDecider } from './decide.js';
import { AccessAnomalyDetected } from './events.js';
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
  const anomalies = createCommandHandler({
    store,
    decider: accessAnomalyDecider,
    eventCodec: AccessAnomalyDetected,
    streamName: (command) => streamName('AccessAnomaly', command.anomalyId),
    authorize: trustedSystemWork(),
  });
  const history = accessHistory(store);
  const react = async (event: RecordedEvent): Promise<void> => {
    const observation = observationOf(event);
    const findings = detectAccessAnomalies(await history.before(event), observation, thresholds);
    for (const finding of findings) {
      const anomalyId = deriveId(event.eventId, finding.rule);
      const recorded = await anomalies.handle(
        {
          kind: 'RecordAccessAnomaly',
          anomalyId,
          actorId: observation.actorId,
          role: event.metadata.actor.role,
          observedAt: observation.at,
          causeEventId: event.eventId,
          ...finding,
        },
        {
          commandId: anomalyId,
          actor: systemActor('reactor:access-anomaly', `flags ${finding.rule} in ${event.eventId}`),
          occurredAt: observation.at,
          correlationId: event.metadata.correlationId,
          causationId: event.eventId,
          ...(event.metadata.tenantId === undefined ? {} : { tenantId: event.metadata.tenantId }),
        },
      );
      if (E.isLeft(recorded))
        throw new Error(`anomaly ${anomalyId} was not recorded: ${JSON.stringify(recorded.left)}`);
    }
  };
  return createReactorRunner({
    name: options.name ?? 'access-anomaly',
    store,
    checkpoints: options.checkpoints,
    filter: { eventTypes: ACCESS_EVENTS },
    react,
    ...(options.lease === undefined ? {} : { lease: options.lease }),
  });
};
