import * as E from 'fp-ts/lib/Either.js';
import type { CustomerCommand } from '../../customer/commands.js';
import type { OpportunityCommand } from '../../opportunity/commands.js';
import type { SalesOrganizationCommand } from '../../salesOrganization/commands.js';
import type { CommandSink, ImportReport } from '../importReport.js';
import type { MappedRow, RejectedRow } from '../mappedRow.js';
import type { MavenSetupOptions } from './mavenOrganization.js';
import type { CsvRecord } from '../csv/readCsvRecords.js';
import { readCsvRecords } from '../csv/readCsvRecords.js';
import type { CsvChunks } from '../csv/decodeCsvText.js';
import { createImportTally } from '../importReport.js';
import { mapMavenAccountRow } from './mavenAccounts.js';
import { createMavenMapping } from './mavenMapping.js';
import { createMavenOrganizationMapping } from './mavenOrganization.js';
import { mavenPriceList } from './mavenProducts.js';

type Chunks = CsvChunks;

/** The four files of the Maven data set, as text. */
export interface MavenFiles {
  readonly pipeline: Chunks;
  readonly teams: Chunks;
  readonly accounts: Chunks;
  readonly products: Chunks;
}

/** The entry points the Maven import sends its commands to. */
export interface MavenImportTarget {
  readonly organization: CommandSink<SalesOrganizationCommand>;
  readonly customers: CommandSink<CustomerCommand>;
  readonly opportunities: CommandSink<OpportunityCommand>;
}

const readAll = async (chunks: Chunks): Promise<CsvRecord[]> => {
  const records: CsvRecord[] = [];
  for await (const record of readCsvRecords(chunks)) records.push(record);
  return records;
};

/**
 * Imports the Maven CRM data set: the sales organization from `sales_teams.csv`, the accounts as
 * customers, then every deal of `sales_pipeline.csv` (streaming) priced from `products.csv`. A row
 * stops at its first refused command and is reported; importing again changes nothing. If
 * `products.csv` has a bad row no deal can be priced, so that row is the only one reported and
 * no deal is sent.
 */
export const importMaven = async (
  files: MavenFiles,
  target: MavenImportTarget,
  options: MavenSetupOptions & { readonly prospectingOpenedOn?: string } = {},
): Promise<ImportReport> => {
  const tally = createImportTally();
  /** Set-up files share line numbers with the pipeline, so their problems name the file. */
  const rejectIn = (file: string, row: RejectedRow) => {
    tally.reject({ ...row, problems: row.problems.map((problem) => `${file}: ${problem}`) });
  };
  const sendAll = async <C>(sink: CommandSink<C>, rows: readonly MappedRow<C>[]) => {
    for (const row of rows) if (!(await tally.send(sink, row))) return;
  };
  const organization = createMavenOrganizationMapping(options);
  for (const record of await readAll(files.teams)) {
    tally.row();
    const mapped = organization.mapRow(record.values, record.lineNumber);
    if (E.isLeft(mapped)) rejectIn('sales_teams.csv', mapped.left);
    else await sendAll(target.organization, mapped.right);
  }
  const accounts = new Set<string>();
  for (const record of await readAll(files.accounts)) {
    tally.row();
    const mapped = mapMavenAccountRow(record.values, record.lineNumber, options);
    if (E.isLeft(mapped)) rejectIn('accounts.csv', mapped.left);
    else if (await tally.send(target.customers, mapped.right))
      accounts.add(record.values['account'] ?? '');
  }
  const products = await readAll(files.products);
  products.forEach(() => {
    tally.row();
  });
  const prices = mavenPriceList(products);
  if (E.isLeft(prices)) {
    rejectIn('products.csv', prices.left);
    return tally.report();
  }
  const deals = createMavenMapping({
    prices: prices.right,
    accounts,
    prospectingOpenedOn: options.prospectingOpenedOn,
    tenantId: options.tenantId,
  });
  for await (const record of readCsvRecords(files.pipeline)) {
    tally.row();
    const mapped = deals.mapRow(record.values, record.lineNumber);
    if (E.isLeft(mapped)) tally.reject(mapped.left);
    else await sendAll(target.opportunities, mapped.right);
  }
  return tally.report();
};
