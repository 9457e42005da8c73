import * as E from 'fp-ts/lib/Either.js';
import type { EventStore } from '@clientele/eventstore';
import { createInMemoryCheckpointStore } from '@clientele/eventstore';
import {
  AccessAnomalyDetected,
  createAccessAnomalyReactor,
  createAfterNoticeReactor,
} from '@clientele/domain';
import type { AuditWindow } from './auditWindow.js';
import { insideWindow } from './auditWindow.js';

/**
 * Every `AccessAnomalyDetected` in the window, oldest first, after running the access anomaly
 * reactors over the log (volume, working hours, exports and reads after notice; what they find is
 * recorded as system work, once, whatever runs them). The caller has checked `Log.audit`.
 */
export const detectedAnomalies = async (
  events: EventStore,
  window: AuditWindow,
): Promise<AccessAnomalyDetected['data'][]> => {
  await createAccessAnomalyReactor({
    store: events,
    checkpoints: createInMemoryCheckpointStore(),
  }).catchUp();
  // Reads by someone who gave notice (see `clientele offboard`).
  await createAfterNoticeReactor({
    store: events,
    checkpoints: createInMemoryCheckpointStore(),
  }).catchUp();
  const inside = insideWindow({ ...window, by: 'occurredAt' });
  const anomalies: AccessAnomalyDetected['data'][] = [];
  for await (const event of events.readAll({ filter: { eventTypes: ['AccessAnomalyDetected'] } })) {
    const decoded = AccessAnomalyDetected.decode({ type: event.type, data: event.data });
    if (
      E.isRight(decoded) &&
      inside({ occurredAt: event.metadata.occurredAt, recordedAt: event.recordedAt })
    )
      anomalies.push(decoded.right.data);
  }
  return anomalies;
};
