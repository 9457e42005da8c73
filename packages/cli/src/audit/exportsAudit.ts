import * as E from 'fp-ts/lib/Either.js';
import { customerExports } from '@clientele/projections';
import { refuseActor } from '../actor/commandLineActor.js';
import { ExitCode } from '../exitCodes.js';
import { formatCsv } from '../output/csv.js';
import { formatTable } from '../output/table.js';
import type { AuditRequest } from './auditRequest.js';
import { insideWindow } from './auditWindow.js';

/** `clientele audit exports`: the bulk exports the actor may see, oldest first. */
export const printExportsAudit = async ({
  readSide,
  access,
  window,
  format,
  io,
}: AuditRequest): Promise<ExitCode> => {
  const listed = await customerExports(readSide.events, access);
  if (E.isLeft(listed)) return refuseActor('audit', listed.left, io);
  // An export is recorded as it is made: the time it happened is the time it was recorded.
  const inside = insideWindow({ ...window, by: 'occurredAt' });
  const exports = listed.right.filter((e) =>
    inside({ occurredAt: e.occurredAt, recordedAt: e.occurredAt }),
  );
  if (format === 'json') {
    io.stdout(`${JSON.stringify(exports, null, 2)}\n`);
    return ExitCode.ok;
  }
  const header = ['occurred', 'export', 'actor', 'scope', 'customers', 'format', 'sha-256'];
  const rows = exports.map((e) => [
    e.occurredAt,
    e.exportId,
    `${e.actor.id} (${e.actor.role})`,
    e.scope,
    e.count,
    e.format,
    e.contentSha256,
  ]);
  io.stdout(
    format === 'csv'
      ? formatCsv(header, rows)
      : `${exports.length} bulk export${exports.length === 1 ? '' : 's'} of customer data\n\n${formatTable(header, rows)}\n`,
  );
  return ExitCode.ok;
};
