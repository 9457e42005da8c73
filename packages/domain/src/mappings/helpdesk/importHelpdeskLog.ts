import * as E from 'fp-ts/lib/Either.js';
import type { EventStore } from '@clientele/eventstore';
import type { TicketCommand } from '../../ticket/commands.js';
import type { CommandSink, ImportReport } from '../importReport.js';
import type { MappedRow } from '../mappedRow.js';
import type { HelpdeskMappingOptions } from './helpdeskMapping.js';
import type { CsvRecord } from '../csv/readCsvRecords.js';
import { readCsvRecords } from '../csv/readCsvRecords.js';
import type { CsvChunks } from '../csv/decodeCsvText.js';
import { createImportTally } from '../importReport.js';
import { createHelpdeskMapping, helpdeskReplayOrder } from './helpdeskMapping.js';

/** Where the import sends tickets, and the store it asks which commands it already handled. */
export interface HelpdeskImportTarget {
  readonly tickets: CommandSink<TicketCommand>;
  readonly store: Pick<EventStore, 'findCommandResult'>;
}

/**
 * Where each ticket's import got to before: rows before the last row whose command was recorded
 * are done. A row that changed nothing leaves no record, and deciding it again against the
 * ticket's later state could refuse it (assigning a ticket closed since), so those rows are
 * skipped rather than sent again; rows from that point on meet the state they met the first time.
 */
const resumePoints = async (
  rows: readonly MappedRow<TicketCommand>[],
  store: HelpdeskImportTarget['store'],
): Promise<Map<string, number>> => {
  const byTicket = new Map<string, number[]>();
  rows.forEach((row, index) => {
    const indexes = byTicket.get(row.command.ticketId) ?? [];
    indexes.push(index);
    byTicket.set(row.command.ticketId, indexes);
  });
  const resume = new Map<string, number>();
  for (const [ticketId, indexes] of byTicket) {
    for (let i = indexes.length - 1; i >= 0; i -= 1) {
      const index = indexes[i] as number;
      const row = rows[index] as MappedRow<TicketCommand>;
      if ((await store.findCommandResult(row.context.commandId)) !== undefined) {
        resume.set(ticketId, index);
        break;
      }
    }
  }
  return resume;
};

/**
 * Imports the help-desk log: reads the CSV, puts its rows in replay order (which needs them all:
 * 21,348 rows is a few megabytes), maps each onto a Ticket command and sends it through the
 * tickets entry point. Refused rows are reported with their line and reason. Importing the same
 * file again, or after an interrupted import, sends only what was not done: command ids derive
 * from the rows.
 */
export const importHelpdeskLog = async (
  chunks: CsvChunks,
  target: HelpdeskImportTarget,
  options: HelpdeskMappingOptions = {},
): Promise<ImportReport> => {
  const records: CsvRecord[] = [];
  for await (const record of readCsvRecords(chunks)) records.push(record);
  const mapping = createHelpdeskMapping(options);
  const tally = createImportTally();
  const mapped: MappedRow<TicketCommand>[] = [];
  for (const record of helpdeskReplayOrder(records)) {
    tally.row();
    const row = mapping.mapRow(record.values, record.lineNumber);
    if (E.isLeft(row)) tally.reject(row.left);
    else mapped.push(row.right);
  }
  const resume = await resumePoints(mapped, target.store);
  for (const [index, row] of mapped.entries()) {
    if (index < (resume.get(row.command.ticketId) ?? 0)) tally.skip();
    else await tally.send(target.tickets, row);
  }
  return tally.report();
};
