import * as E from 'fp-ts/lib/Either.js';
import type { EventStore, RecordedEvent } from '@clientele/eventstore';
import {
  createCommandHandler,
  deriveId,
  streamName,
  systemActor,
  trustedSystemWork,
} from '@clientele/eventstore';
import { accessAnomalyDecider } from './decide.js';
import type { AnomalyFinding } from './detect.js';
import { AccessAnomalyDetected } from './events.js';

/** Records what an access anomaly reactor found in one access event. */
export type AnomalyRecorder = (
  cause: RecordedEvent,
  finding: AnomalyFinding,
  observed: { readonly actorId: string; readonly at: string },
) => Promise<void>;

/**
 * The one way the anomaly reactors record `AccessAnomalyDetected`: as the system actor
 * `reactor:access-anomaly`, caused by the access event, with an id derived from that event and the
 * rule, so a replay or a redelivery records nothing twice. A refusal is thrown, so the reactor
 * stops at that event instead of passing it.
 */
export const createAnomalyRecorder = (store: EventStore): AnomalyRecorder => {
  const anomalies = createCommandHandler({
    store,
    decider: accessAnomalyDecider,
    eventCodec: AccessAnomalyDetected,
    streamName: (command) => streamName('AccessAnomaly', command.anomalyId),
    authorize: trustedSystemWork(),
  });
  return async (cause, finding, observed) => {
    const anomalyId = deriveId(cause.eventId, finding.rule);
    const recorded = await anomalies.handle(
      {
        kind: 'RecordAccessAnomaly',
        anomalyId,
        actorId: observed.actorId,
        role: cause.metadata.actor.role,
        observedAt: observed.at,
        causeEventId: cause.eventId,
        ...finding,
      },
      {
        commandId: anomalyId,
        actor: systemActor('reactor:access-anomaly', `flags ${finding.rule} in ${cause.eventId}`),
        occurredAt: observed.at,
        correlationId: cause.metadata.correlationId,
        causationId: cause.eventId,
        ...(cause.metadata.tenantId === undefined ? {} : { tenantId: cause.metadata.tenantId }),
      },
    );
    if (E.isLeft(recorded))
      throw new Error(`anomaly ${anomalyId} was not recorded: ${JSON.stringify(recorded.left)}`);
  };
};
