import * as E from 'fp-ts/lib/Either.js';
import { createInMemoryCheckpointStore } from '@clientele/eventstore';
import {
  AccessAnomalyDetected,
  createAccessAnomalyReactor,
  createAfterNoticeReactor,
} from '@clientele/domain';
import { ExitCode } from '../exitCodes.js';
import type { CliIo } from '../io.js';
import { formatCsv } from '../output/csv.js';
import { formatTable } from '../output/table.js';
import type { ReadSide } from '../store/openReadSide.js';
import type { AuditWindow } from './auditWindow.js';
import { insideWindow } from './auditWindow.js';

/**
 * `clientele audit anomalies`: first runs the access anomaly reactor over the log (what it finds
 * is recorded as system work, once, whatever runs it), then lists every `AccessAnomalyDetected`
 * in the window, oldest first. The caller has checked `Log.audit`.
 */
export const printAnomaliesAudit = async (
  readSide: ReadSide,
  window: AuditWindow,
  format: 'table' | 'json' | 'csv',
  io: CliIo,
): Promise<ExitCode> => {
  const { events } = readSide;
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
  if (format === 'json') {
    io.stdout(`${JSON.stringify(anomalies, null, 2)}\n`);
    return ExitCode.ok;
  }
  const header = ['observed', 'actor', 'rule', 'customers', 'baseline', 'threshold', 'cause'];
  const rows = anomalies.map((a) => [
    a.observedAt,
    `${a.actorId} (${a.role})`,
    a.rule,
    a.customers,
    a.baseline,
    a.threshold,
    a.causeEventId,
  ]);
  io.stdout(
    format === 'csv'
      ? formatCsv(header, rows)
      : `${anomalies.length} access anomal${anomalies.length === 1 ? 'y' : 'ies'}\n\n${formatTable(header, rows)}\n`,
  );
  return ExitCode.ok;
};
