import { createHash } from 'node:crypto';
import { createReadStream, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import * as E from 'fp-ts/lib/Either.js';
import type { CommandSink } from '@clientele/domain';
import {
  createCustomerService,
  createImportTally,
  createLeadService,
  readCsvRecords,
} from '@clientele/domain';
import type { DatasetImport } from './datasetImports.js';
import { operatedSink } from './datasetImports.js';
import type { ColumnCommand, ColumnMapping } from './columnMapping.js';
import { mapColumns } from './columnMapping.js';

/**
 * An import driven by a mapping file instead of a named mapping: each row registers one customer
 * or captures one lead, streamed, through the customers' or leads' entry point.
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
    const service =
      mapping.imports === 'customers'
        ? createCustomerService({ store: setting.store, ...setting.tenant })
        : createLeadService({ store: setting.store });
    const sink: CommandSink<ColumnCommand> = operatedSink(service, setting);
    const tally = createImportTally();
    for await (const record of readCsvRecords(createReadStream(csv), setting.csv)) {
      tally.row();
      const mapped = mapColumns(mapping, record.values, record.lineNumber, now);
      if (E.isLeft(mapped)) tally.reject(mapped.left);
      else await tally.send(sink, mapped.right);
    }
    return E.right(tally.report());
  },
});
