import { ExitCode } from '../exitCodes.js';
import type { CliIo } from '../io.js';
import { formatCsv } from '../output/csv.js';
import { formatTable } from '../output/table.js';
import type { ReadSide } from '../store/openReadSide.js';
import type { AuditWindow } from './auditWindow.js';
import { detectedAnomalies } from './detectedAnomalies.js';

/**
 * `clientele audit anomalies`: lists the anomalies the access anomaly reactor finds in the log
 * (see {@link detectedAnomalies}). The caller has checked `Log.audit`.
 */
export const printAnomaliesAudit = async (
  readSide: ReadSide,
  window: AuditWindow,
  format: 'table' | 'json' | 'csv',
  io: CliIo,
): Promise<ExitCode> => {
  const anomalies = await detectedAnomalies(readSide.events, window);
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
