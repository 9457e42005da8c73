import * as E from 'fp-ts/lib/Either.js';
import type {
  CheckpointStore,
  EventStore,
  LeaseOptions,
  ReactorRunner,
  RecordedEvent,
} from '@clientele/eventstore';
import {
  DecodeError,
  createCommandHandler,
  createReactorRunner,
  deriveId,
  streamName,
  systemActor,
  trustedSystemWork,
} from '@clientele/eventstore';
import { CustomersExported } from '../customerExport/events.js';
import type { AccessObservation } from './detect.js';
import { detectAccessAnomalies } from './detect.js';
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

const ACCESS_EVENTS = ['CustomersExported'];

const observationOf = (event: RecordedEvent): AccessObservation => {
  const decoded = CustomersExported.decode({ type: event.type, data: event.data });
  if (E.isLeft(decoded)) throw new DecodeError(`CustomersExported ${event.eventId}`, decoded.left);
  return {
    actorId: event.metadata.actor.id,
    at: event.metadata.occurredAt,
    customers: decoded.right.data.count,
  };
};

/** The same actor's accesses recorded before `event`, read from the log. */
const earlierAccesses = async (
  store: EventStore,
  event: RecordedEvent,
): Promise<AccessObservation[]> => {
  const earlier: AccessObservation[] = [];
  for await (const seen of store.readAll({ filter: { eventTypes: ACCESS_EVENTS } })) {
    if (seen.eventId === event.eventId) break;
    if (seen.metadata.actor.id === event.metadata.actor.id) earlier.push(observationOf(seen));
  }
  return earlier;
};

/**
 * The access anomaly reactor: follows bulk exports (`CustomersExported`) and records
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
  const react = async (event: RecordedEvent): Promise<void> => {
    const observation = observationOf(event);
    const findings = detectAccessAnomalies(
      await earlierAccesses(store, event),
      observation,
      thresholds,
    );
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
