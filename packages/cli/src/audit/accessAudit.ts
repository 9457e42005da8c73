import type { Actor } from '@clientele/eventstore';
import type { ReadFilter } from '@clientele/domain';
import { createAccessLogService, recordedReads, recordsOwnReads } from '@clientele/domain';
import { v7 as uuidv7 } from 'uuid';
import { ExitCode } from '../exitCodes.js';
import type { CliIo } from '../io.js';
import { formatCsv } from '../output/csv.js';
import { formatTable } from '../output/table.js';
import type { ReadSide } from '../store/openReadSide.js';
import type { AuditWindow } from './auditWindow.js';

/**
 * Records in the access log that `actor` read the personal data of `subjects` through `through`
 * (a command line); one record for the whole read.
 */
export const recordRead = async (
  readSide: ReadSide,
  actor: Actor,
  through: string,
  subjects: readonly string[],
): Promise<void> => {
  const recorded = await createAccessLogService(readSide.events, {
    authorize: recordsOwnReads(),
  }).handle(
    { kind: 'RecordPersonalDataRead', readId: uuidv7(), through, subjects },
    { commandId: uuidv7(), actor, occurredAt: new Date().toISOString() },
  );
  if (recorded._tag === 'Left')
    throw new Error(`the read was not recorded: ${JSON.stringify(recorded.left)}`);
};

/** `clientele audit access`: who read whose personal data, when and through what. */
export const printAccessAudit = async (
  readSide: ReadSide,
  query: Pick<ReadFilter, 'actorId' | 'subjectId'> & { readonly window: AuditWindow },
  format: 'table' | 'json' | 'csv',
  io: CliIo,
): Promise<ExitCode> => {
  const { window, ...filter } = query;
  const reads = [];
  for await (const read of recordedReads(readSide.events, {
    ...filter,
    ...(window.since === undefined ? {} : { since: window.since }),
    ...(window.until === undefined ? {} : { until: window.until }),
  }))
    reads.push(read);
  if (format === 'json') {
    io.stdout(`${JSON.stringify(reads, null, 2)}\n`);
    return ExitCode.ok;
  }
  const header = ['occurred', 'actor', 'through', 'subjects'];
  const rows = reads.map((r) => [
    r.occurredAt,
    `${r.actor.id} (${r.actor.role})`,
    r.through,
    r.subjects.join(' '),
  ]);
  io.stdout(
    format === 'csv'
      ? formatCsv(header, rows)
      : `${reads.length} recorded read${reads.length === 1 ? '' : 's'} of personal data\n\n${formatTable(header, rows)}\n`,
  );
  return ExitCode.ok;
};
