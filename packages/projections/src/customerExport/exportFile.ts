import { createHash } from 'node:crypto';
import type { CustomerState, ExportFormat } from '@clientele/domain';
import { isErasedField } from '@clientele/eventstore';
import { csvField } from '../csv/csvField.js';

/** One customer as an export file holds it. */
export interface ExportedCustomerRow {
  readonly customerId: string;
  readonly kind: string;
  readonly status: string;
  /** Null once the customer's person was forgotten (the name is erased). */
  readonly name: string | null;
  readonly emails: readonly string[];
  readonly phones: readonly string[];
  readonly industry: string | null;
  readonly region: string | null;
  readonly source: string | null;
  readonly segment: string | null;
  readonly tags: readonly string[];
  readonly ownerId: string | null;
}

/** A registered customer's state as an export row. */
export const exportRow = (
  state: Extract<CustomerState, { registered: true }>,
): ExportedCustomerRow => ({
  customerId: state.customerId,
  kind: state.kind,
  status: state.status,
  name: isErasedField(state.name) ? null : state.name,
  emails: state.emails,
  phones: state.phones,
  industry: state.industry ?? null,
  region: state.region ?? null,
  source: state.source ?? null,
  segment: state.segment,
  tags: state.tags,
  ownerId: state.ownerId,
});

const COLUMNS = [
  'customerId',
  'kind',
  'status',
  'name',
  'emails',
  'phones',
  'industry',
  'region',
  'source',
  'segment',
  'tags',
  'ownerId',
] as const satisfies readonly (keyof ExportedCustomerRow)[];

const csvCell = (value: string | readonly string[] | null): string =>
  csvField(value === null ? '' : typeof value === 'string' ? value : value.join('; '));

/**
 * The bytes of an export file: CSV (a header, then one line per customer; lists joined with
 * `; `; a cell a spreadsheet would run as a formula is neutralized) or JSON (an array of rows). The same rows always give the same bytes, so the SHA-256
 * recorded with the export identifies the file.
 */
export const renderExportFile = (
  rows: readonly ExportedCustomerRow[],
  format: ExportFormat,
): string =>
  format === 'json'
    ? `${JSON.stringify(rows, null, 2)}\n`
    : [COLUMNS.join(','), ...rows.map((row) => COLUMNS.map((c) => csvCell(row[c])).join(','))]
        .map((line) => `${line}\r\n`)
        .join('');

/** The SHA-256 of a file's UTF-8 bytes, in hex: what the export event records. */
export const sha256Hex = (content: string): string =>
  createHash('sha256').update(content, 'utf8').digest('hex');
