import { createHash } from 'node:crypto';
import { createReadStream, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import * as E from 'fp-ts/lib/Either.js';
import type { CommandSink, MappedRow, RejectedRow } from '@clientele/domain';
import {
  createActivityService,
  createCustomerService,
  createInvoiceService,
  createTicketService,
  createImportTally,
  createLeadService,
  createOpportunityService,
  readCsvRecords,
} from '@clientele/domain';
import type { DatasetImport, ImportSetting } from './datasetImports.js';
import { importEntry, operatedSink } from './datasetImports.js';
import type { ColumnMapping } from './columnMapping.js';
import { mapColumns } from './mappingFile/mappedCommands.js';
import { createOpportunityRows } from './mappingFile/opportunityRows.js';

/** How one kind's rows become commands, and the entry point they are sent to. */
interface RowMapper {
  readonly sink: CommandSink<unknown>;
  mapRow(
    values: Readonly<Record<string, string>>,
    lineNumber: number,
  ): E.Either<RejectedRow, readonly MappedRow<unknown>[]>;
}

/** The entry point a kind's commands are sent to. */
const entryPointOf = (mapping: ColumnMapping, setting: ImportSetting): CommandSink<unknown> => {
  const { store } = setting;
  const sinkOf = <C>(sink: CommandSink<C>) => operatedSink(sink, setting) as CommandSink<unknown>;
  switch (mapping.imports) {
    case 'customers':
    case 'contacts':
      return sinkOf(createCustomerService(store, { ...setting.tenant, ...importEntry }));
    case 'leads':
      return sinkOf(createLeadService(store, importEntry));
    case 'opportunities':
      return sinkOf(createOpportunityService(store, importEntry));
    case 'tickets':
      return sinkOf(createTicketService(store, importEntry));
    case 'invoices':
    case 'payments':
      return sinkOf(createInvoiceService(store, importEntry));
    case 'activities':
      return sinkOf(createActivityService(store, importEntry));
  }
};

/** The row mapping and entry point of the mapping's kind, fresh for one run. */
const rowMapperFor = (
  mapping: ColumnMapping,
  setting: ImportSetting,
  now: () => string,
): RowMapper => ({
  sink: entryPointOf(mapping, setting),
  ...(mapping.imports === 'opportunities'
    ? createOpportunityRows(mapping, now)
    : {
        mapRow: (values: Readonly<Record<string, string>>, lineNumber: number) =>
          E.map((row: MappedRow<unknown>) => [row])(mapColumns(mapping, values, lineNumber, now)),
      }),
});

/**
 * An import driven by a mapping file instead of a named mapping: each row becomes the commands
 * of its kind (a customer registration, a contact, a lead capture, a ticket, an invoice, a payment, a deal's opening
 * and stage history),
 * streamed through the kind's entry point.
 */
export const fileMappingImport = (
  file: string,
  mapping: ColumnMapping,
  now: () => string = () => new Date().toISOString(),
): DatasetImport => ({
  name: basename(file),
  kind: mapping.imports,
  describe: `the mapping file ${file}`,
  sha256: createHash('sha256').update(readFileSync(file)).digest('hex'),
  run: async (csv, setting) => {
    const mapper = rowMapperFor(mapping, setting, now);
    const tally = createImportTally();
    for await (const record of readCsvRecords(createReadStream(csv), setting.csv)) {
      tally.row();
      const mapped = mapper.mapRow(record.values, record.lineNumber);
      if (E.isLeft(mapped)) tally.reject(mapped.left);
      else for (const row of mapped.right) await tally.send(mapper.sink, row);
    }
    return E.right(tally.report());
  },
});
