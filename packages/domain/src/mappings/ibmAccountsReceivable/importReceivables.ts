import * as E from 'fp-ts/lib/Either.js';
import type { InvoiceCommand } from '../../invoice/commands.js';
import type { CommandSink, ImportReport } from '../importReport.js';
import type { ReceivablesMappingOptions } from './receivablesMapping.js';
import { readCsvRecords } from '../csv/readCsvRecords.js';
import type { CsvChunks } from '../csv/decodeCsvText.js';
import { createImportTally } from '../importReport.js';
import { mapReceivablesRow } from './receivablesMapping.js';

/**
 * Imports the IBM accounts-receivable sample row by row (streaming): each row issues its invoice
 * and records its settlement through the invoices entry point. A row whose issue is refused sends
 * no payment; importing the same file again changes nothing.
 */
export const importReceivables = async (
  chunks: CsvChunks,
  invoices: CommandSink<InvoiceCommand>,
  options: ReceivablesMappingOptions = {},
): Promise<ImportReport> => {
  const tally = createImportTally();
  for await (const record of readCsvRecords(chunks)) {
    tally.row();
    const mapped = mapReceivablesRow(record.values, record.lineNumber, options);
    if (E.isLeft(mapped)) {
      tally.reject(mapped.left);
      continue;
    }
    for (const command of mapped.right) {
      if (!(await tally.send(invoices, command))) break;
    }
  }
  return tally.report();
};
