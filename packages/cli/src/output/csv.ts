import type { Cell } from './table.js';

/** The byte-order mark some spreadsheets need to read a CSV file as UTF-8. */
export const UTF8_BOM = '\uFEFF';

const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

/**
 * Text a spreadsheet would run as a formula (a leading `=`, `+`, `-`, `@`, tab or carriage return)
 * gets a leading apostrophe, as OWASP advises for CSV injection. A plain decimal (`-12.50`) is
 * left alone: a negative figure is data, not a formula.
 */
export const neutraliseFormula = (text: string): string =>
  /^[=+\-@\t\r]/.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;

const field = (cell: Cell): string => {
  const text =
    cell === null ? '' : typeof cell === 'number' ? String(cell) : neutraliseFormula(cell);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

/**
 * Renders rows as RFC 4180 CSV (CRLF line ends, quotes doubled, text neutralised against
 * spreadsheet formulas); null is an empty field. Written here rather than with a library: the
 * whole of RFC 4180 writing is the quoting rule above.
 */
export const formatCsv = (header: readonly string[], rows: readonly (readonly Cell[])[]): string =>
  [header, ...rows].map((row) => row.map(field).join(',')).join('\r\n') + '\r\n';
