import type { Cell } from './table.js';

/** The columns between cells in `formatTable`. */
const GAP = 2;

const truncate = (text: string, width: number): string =>
  text.length <= width ? text : `${text.slice(0, Math.max(0, width - 1))}…`;

/**
 * Shrinks the widest of the `shrinkable` columns, one character at a time, until a table of
 * `header` and `rows` (as `formatTable` lays it out) fits in `width` characters, and cuts their
 * cells with an ellipsis. A column never shrinks below its title or 8 characters, so a very
 * narrow terminal gets the narrowest readable table rather than an unreadable one.
 */
export const fitToWidth = (
  header: readonly string[],
  rows: readonly (readonly Cell[])[],
  width: number,
  shrinkable: readonly number[],
): (readonly Cell[])[] => {
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => String(row[column] ?? '—').length)),
  );
  const floor = (column: number) => Math.max(8, header[column]?.length ?? 0);
  const total = () => widths.reduce((sum, w) => sum + w, 0) + GAP * (widths.length - 1);
  while (total() > width) {
    const widest = shrinkable
      .filter((column) => (widths[column] ?? 0) > floor(column))
      .sort((a, b) => (widths[b] ?? 0) - (widths[a] ?? 0))[0];
    if (widest === undefined) break;
    widths[widest] = (widths[widest] ?? 0) - 1;
  }
  return rows.map((row) =>
    row.map((cell, column) =>
      typeof cell === 'string' && shrinkable.includes(column)
        ? truncate(cell, widths[column] ?? cell.length)
        : cell,
    ),
  );
};

/**
 * How wide the terminal is: the CLI's own measure of standard output when it is a terminal, else
 * `COLUMNS`; undefined when output goes to a file or a pipe, where nothing is cut.
 */
export const terminalWidth = (io: {
  readonly columns?: number;
  readonly env: Readonly<Record<string, string | undefined>>;
}): number | undefined => {
  if (io.columns !== undefined) return io.columns;
  const fromEnv = Number(io.env['COLUMNS']);
  return Number.isSafeInteger(fromEnv) && fromEnv > 0 ? fromEnv : undefined;
};
