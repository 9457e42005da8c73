import * as E from 'fp-ts/lib/Either.js';
import type { RejectedRow } from '@clientele/domain';
import type { ColumnMapping } from '../columnMapping.js';
import type { DateReading, ReadDate } from './mappedDate.js';
import type { MoneyReading } from './mappedMoney.js';
import type { MappingKind } from './mappingKinds.js';
import { readDate } from './mappedDate.js';
import { readMinorUnits } from './mappedMoney.js';
import { MAPPING_KINDS } from './mappingKinds.js';

/** A row read with a mapping file: the record's id, the fields it fills, and its date. */
export interface MappedFields {
  readonly recordId: string;
  readonly fields: Readonly<Record<string, unknown>>;
  readonly date?: ReadDate;
}

/** The mapping's date reading, ISO days in UTC unless it says otherwise. */
export const dateReading = (mapping: ColumnMapping): DateReading => ({
  format: mapping.dates?.format ?? 'YYYY-MM-DD',
  timeZone: mapping.dates?.timeZone ?? 'UTC',
});

/** One row being read: the mapping, the kind it imports, the row's cells and its date reading. */
interface RowReading {
  readonly mapping: ColumnMapping;
  readonly kind: MappingKind;
  readonly values: Readonly<Record<string, string>>;
  readonly dates: DateReading;
}

/** A problem of one cell, prefixed with its column so the user finds it in the file. */
const inColumn = (column: string, problem: string): string => `${column}: ${problem}`;

/** The trimmed cell of an optional column; undefined when there is no column or no cell. */
const trimmedCell = (row: RowReading, column: string | undefined): string | undefined =>
  column === undefined ? undefined : row.values[column]?.trim();

/** The row's date from the mapping's date column, if it has one and the row fills it. */
const readRowDate = (row: RowReading): E.Either<string, ReadDate | undefined> => {
  const column = row.mapping.dateColumn;
  const cell = column === undefined ? undefined : row.values[column];
  if (cell === undefined) return E.right(undefined);
  const read = readDate(cell, row.dates);
  return E.isLeft(read) ? E.left(inColumn(column ?? '', read.left)) : read;
};

/** An amount with its currency: the mapping's currency column, or its one currency. */
const readMoney = (
  row: RowReading,
  money: MoneyReading,
  value: string,
): E.Either<string, unknown> => {
  const currency =
    money.currencyColumn === undefined ? money.currency : trimmedCell(row, money.currencyColumn);
  return E.map((amountMinor: number) => ({ amountMinor, currency }))(readMinorUnits(value, money));
};

/** A mapped cell's value as its field takes it: a day, an amount, or prefixed text. */
const readFieldValue = (
  row: RowReading,
  field: string,
  value: string,
): E.Either<string, unknown> => {
  if (row.kind.dateFields.includes(field))
    return E.map((read: ReadDate) => read.day)(readDate(value, row.dates));
  const money = row.mapping.money;
  if (row.kind.moneyFields.includes(field) && money !== undefined)
    return readMoney(row, money, value);
  return E.right(`${row.mapping.prefixes?.[field] ?? ''}${value}`);
};

/** The currency a kind with a currency field gets when no column filled it, if any. */
const defaultCurrency = (row: RowReading): string | undefined => {
  const fromColumn = trimmedCell(row, row.mapping.money?.currencyColumn);
  return fromColumn !== undefined && fromColumn !== '' ? fromColumn : row.mapping.money?.currency;
};

/** The row's fields (constants, then each non-empty mapped cell), and its cells' problems. */
const readFields = (
  row: RowReading,
): { readonly fields: Record<string, unknown>; readonly problems: readonly string[] } => {
  const fields: Record<string, unknown> = { ...row.mapping.constants };
  const problems: string[] = [];
  for (const [field, column] of Object.entries(row.mapping.columns)) {
    const cell = row.values[column]?.trim();
    if (cell === undefined || cell === '') continue;
    const read = readFieldValue(row, field, row.mapping.values?.[field]?.[cell] ?? cell);
    if (E.isLeft(read)) problems.push(inColumn(column, read.left));
    else fields[field] = read.right;
  }
  const currencyField = row.kind.currencyField;
  const currency = defaultCurrency(row);
  if (currencyField !== undefined && fields[currencyField] === undefined && currency !== undefined)
    fields[currencyField] = currency;
  return { fields, problems };
};

/**
 * Reads a row's cells into command fields: each through the field's value map, then as a date
 * or an amount where the kind says so. Empty cells are left out (so an optional field stays unset
 * and a required one is reported by name); constants fill the rest. Every problem of the row is
 * reported at once, each naming the column.
 */
export const mapFields = (
  mapping: ColumnMapping,
  values: Readonly<Record<string, string>>,
  lineNumber: number,
): E.Either<RejectedRow, MappedFields> => {
  const row: RowReading = {
    mapping,
    kind: MAPPING_KINDS[mapping.imports],
    values,
    dates: dateReading(mapping),
  };
  const id = values[mapping.idColumn]?.trim() ?? '';
  const date = readRowDate(row);
  const { fields, problems: cellProblems } = readFields(row);
  const problems = [
    ...(id === '' ? [inColumn(mapping.idColumn, 'the id column is empty or missing')] : []),
    ...(E.isLeft(date) ? [date.left] : []),
    ...cellProblems,
  ];
  if (problems.length > 0 || E.isLeft(date)) return E.left({ lineNumber, problems });
  return E.right({
    recordId: `${mapping.idPrefix ?? ''}${id}`,
    fields,
    ...(date.right === undefined ? {} : { date: date.right }),
  });
};
