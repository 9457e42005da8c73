import { readFileSync } from 'node:fs';
import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { formatValidationErrors } from '@clientele/eventstore';
import { DateFormat, TimeZone } from './mappingFile/mappedDate.js';
import { MoneyReading } from './mappingFile/mappedMoney.js';
import type { MappingKind } from './mappingFile/mappingKinds.js';
import { MAPPING_KINDS } from './mappingFile/mappingKinds.js';

/**
 * A mapping file (JSON) for CSV files without a named mapping: which column identifies each
 * record (and the prefix its id gets), which command field each column fills, value maps from
 * the export's words to Clientele's (stage names to stage ids), how dates and amounts are
 * written, and fixed values for the rest. Example:
 * `{"imports": "customers", "idColumn": "account", "columns": {"name": "account",
 * "industry": "sector"}, "constants": {"customerKind": "company"}}`.
 */
export const ColumnMapping = t.intersection(
  [
    t.type({
      imports: t.keyof({
        customers: null,
        contacts: null,
        leads: null,
        opportunities: null,
        tickets: null,
        invoices: null,
        payments: null,
        activities: null,
      }),
      idColumn: t.string,
      columns: t.record(t.string, t.string),
    }),
    t.partial({
      /** Put before the id column's value to make the record's id. */
      idPrefix: t.string,
      constants: t.record(t.string, t.unknown),
      /** A column holding each row's business date; else the time of import. */
      dateColumn: t.string,
      /** Per field, what goes before a column's value: ids of records imported with a prefix. */
      prefixes: t.record(t.string, t.string),
      /** Per field, the export's values to Clientele's; a value not listed is kept as it is. */
      values: t.record(t.string, t.record(t.string, t.string)),
      /** How dates are written (default `YYYY-MM-DD`) and the zone their times are in (UTC). */
      dates: t.partial({ format: DateFormat, timeZone: TimeZone }),
      /** How amounts are written; needed for a kind with amounts. */
      money: MoneyReading,
    }),
  ],
  'ColumnMapping',
);
/** A mapping file's content. */
export type ColumnMapping = t.TypeOf<typeof ColumnMapping>;

/** Reads and checks a mapping file; a failure names each wrong key. */
export const readColumnMapping = (file: string): E.Either<string, ColumnMapping> => {
  const parsed = E.tryCatch(
    () => JSON.parse(readFileSync(file, 'utf8')) as unknown,
    (error) => `cannot read the mapping file ${file}: ${String(error)}`,
  );
  if (E.isLeft(parsed)) return parsed;
  const decoded = E.mapLeft(
    (errors: t.Errors) =>
      `${file} is not a mapping file: ${formatValidationErrors(errors).join('; ')}`,
  )(ColumnMapping.decode(parsed.right));
  if (E.isLeft(decoded) || decoded.right.money !== undefined) return decoded;
  const { moneyFields } = MAPPING_KINDS[decoded.right.imports] as MappingKind;
  const amounts = Object.keys(decoded.right.columns).filter((f) => moneyFields.includes(f));
  if (amounts.length > 0)
    return E.left(`${file} is not a mapping file: money: required to read ${amounts.join(', ')}`);
  return decoded;
};
