import { readFileSync } from 'node:fs';
import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { v5 as uuidv5 } from 'uuid';
import type { CommandContext } from '@clientele/eventstore';
import { formatValidationErrors } from '@clientele/eventstore';
import type { MappedRow, RejectedRow } from '@clientele/domain';
import { CustomerCommand, LeadCommand, decodeRow } from '@clientele/domain';

/** Namespace of the command ids of rows imported with a mapping file. */
const COLUMN_MAPPING_NAMESPACE = '3b8d6f2a-1c47-4e95-a0d2-8f5e7c9b4a16';

/**
 * A mapping file (JSON) for CSV files without a named mapping: which column identifies each
 * record, which command field each column fills, and fixed values for the rest. Example:
 * `{"imports": "customers", "idColumn": "account", "columns": {"name": "account",
 * "industry": "sector"}, "constants": {"customerKind": "company"}}`.
 */
export const ColumnMapping = t.intersection(
  [
    t.type({
      imports: t.keyof({ customers: null, leads: null }),
      idColumn: t.string,
      columns: t.record(t.string, t.string),
    }),
    t.partial({
      /** Put before the id column's value to make the customer or lead id. */
      idPrefix: t.string,
      constants: t.record(t.string, t.unknown),
      /** A column holding each record's business date, `YYYY-MM-DD`; else the time of import. */
      dateColumn: t.string,
    }),
  ],
  'ColumnMapping',
);
/** A mapping file's content. */
export type ColumnMapping = t.TypeOf<typeof ColumnMapping>;

/** Reads and checks a mapping file; a failure says what is wrong with it. */
export const readColumnMapping = (file: string): E.Either<string, ColumnMapping> => {
  const parsed = E.tryCatch(
    () => JSON.parse(readFileSync(file, 'utf8')) as unknown,
    (error) => `cannot read the mapping file ${file}: ${String(error)}`,
  );
  if (E.isLeft(parsed)) return parsed;
  return E.mapLeft(
    (errors: t.Errors) =>
      `${file} is not a mapping file: ${formatValidationErrors(errors).join('; ')}`,
  )(ColumnMapping.decode(parsed.right));
};

/** The command a row becomes: a customer registration or a lead capture. */
export type ColumnCommand = CustomerCommand | LeadCommand;

/**
 * Maps one row with a mapping file: empty cells are left out (so an optional field stays unset
 * and a required one is reported by name), constants fill the rest. The command id derives from
 * what is imported and the row's id, so importing the file again changes nothing.
 */
export const mapColumns = (
  mapping: ColumnMapping,
  values: Readonly<Record<string, string>>,
  lineNumber: number,
  now: () => string,
): E.Either<RejectedRow, MappedRow<ColumnCommand>> => {
  const id = values[mapping.idColumn]?.trim() ?? '';
  if (id === '')
    return E.left({
      lineNumber,
      problems: [`${mapping.idColumn}: the id column is empty or missing`],
    });
  const day = mapping.dateColumn === undefined ? undefined : values[mapping.dateColumn];
  if (day !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(day))
    return E.left({
      lineNumber,
      problems: [
        `${mapping.dateColumn ?? ''}: expected a date YYYY-MM-DD, got ${JSON.stringify(day)}`,
      ],
    });
  const fields: Record<string, unknown> = { ...mapping.constants };
  for (const [field, column] of Object.entries(mapping.columns)) {
    const value = values[column];
    if (value !== undefined && value.trim() !== '') fields[field] = value;
  }
  const recordId = `${mapping.idPrefix ?? ''}${id}`;
  const context: CommandContext = {
    commandId: uuidv5(`${mapping.imports} ${recordId}`, COLUMN_MAPPING_NAMESPACE),
    actor: { id: 'clientele-import', role: 'data_import' },
    occurredAt: day === undefined ? now() : `${day}T00:00:00.000Z`,
  };
  const decoded: E.Either<RejectedRow, ColumnCommand> =
    mapping.imports === 'customers'
      ? decodeRow(
          CustomerCommand,
          { ...fields, kind: 'RegisterCustomer', customerId: recordId },
          lineNumber,
        )
      : decodeRow(LeadCommand, { ...fields, kind: 'CaptureLead', leadId: recordId }, lineNumber);
  return E.map((command: ColumnCommand) => ({ lineNumber, command, context }))(decoded);
};
