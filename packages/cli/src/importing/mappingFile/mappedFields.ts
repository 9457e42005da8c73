import * as E from 'fp-ts/lib/Either.js';
import type { RejectedRow } from '@clientele/domain';
import type { ColumnMapping } from '../columnMapping.js';
import type { DateReading, ReadDate } from './mappedDate.js';
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
  const kind: MappingKind = MAPPING_KINDS[mapping.imports];
  const dates = dateReading(mapping);
  const problems: string[] = [];
  const id = values[mapping.idColumn]?.trim() ?? '';
  if (id === '') problems.push(`${mapping.idColumn}: the id column is empty or missing`);
  let date: ReadDate | undefined;
  const dayCell = mapping.dateColumn === undefined ? undefined : values[mapping.dateColumn];
  if (dayCell !== undefined) {
    const read = readDate(dayCell, dates);
    if (E.isLeft(read)) problems.push(`${mapping.dateColumn ?? ''}: ${read.left}`);
    else date = read.right;
  }
  const fields: Record<string, unknown> = { ...mapping.constants };
  for (const [field, column] of Object.entries(mapping.columns)) {
    const cell = values[column]?.trim();
    if (cell === undefined || cell === '') continue;
    const value = mapping.values?.[field]?.[cell] ?? cell;
    if (kind.dateFields.includes(field)) {
      const read = readDate(value, dates);
      if (E.isLeft(read)) problems.push(`${column}: ${read.left}`);
      else fields[field] = read.right.day;
    } else if (kind.moneyFields.includes(field) && mapping.money !== undefined) {
      const amount = readMinorUnits(value, mapping.money);
      const currencyColumn = mapping.money.currencyColumn;
      const currency =
        currencyColumn === undefined ? mapping.money.currency : values[currencyColumn]?.trim();
      if (E.isLeft(amount)) problems.push(`${column}: ${amount.left}`);
      else fields[field] = { amountMinor: amount.right, currency };
    } else fields[field] = `${mapping.prefixes?.[field] ?? ''}${value}`;
  }
  const currency = mapping.money?.currency;
  if (kind.currencyField !== undefined && fields[kind.currencyField] === undefined) {
    const column = mapping.money?.currencyColumn;
    const fromColumn = column === undefined ? undefined : values[column]?.trim();
    if (fromColumn !== undefined && fromColumn !== '') fields[kind.currencyField] = fromColumn;
    else if (currency !== undefined) fields[kind.currencyField] = currency;
  }
  return problems.length > 0
    ? E.left({ lineNumber, problems })
    : E.right({
        recordId: `${mapping.idPrefix ?? ''}${id}`,
        fields,
        ...(date === undefined ? {} : { date }),
      });
};
