import type { Cell } from './table.js';

const quote = (cell: Cell): string => {
  const text = cell === null ? '' : String(cell);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

/** Renders rows as RFC 4180 CSV (CRLF line ends, quotes doubled); null is an empty field. */
export const formatCsv = (header: readonly string[], rows: readonly (readonly Cell[])[]): string =>
  [header, ...rows].map((row) => row.map(quote).join(',')).join('\r\n') + '\r\n';
