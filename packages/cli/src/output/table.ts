/** A cell of a report table: text or a number (numbers are right-aligned). */
export type Cell = string | number | null;

/**
 * Renders rows as an aligned text table with a header rule; null prints as an em dash. Columns
 * of numbers, or those `rightAligned` marks (figures already written with their unit), align right.
 */
export const formatTable = (
  header: readonly string[],
  rows: readonly (readonly Cell[])[],
  rightAligned: readonly boolean[] = [],
): string => {
  const text = (cell: Cell): string =>
    cell === null
      ? '—'
      : typeof cell === 'number'
        ? cell.toLocaleString('en-US', { maximumFractionDigits: 4 })
        : cell;
  const numeric = header.map(
    (_, column) =>
      rightAligned[column] === true || rows.some((row) => typeof row[column] === 'number'),
  );
  const cells = rows.map((row) => header.map((_, column) => text(row[column] ?? null)));
  const widths = header.map((title, column) =>
    Math.max(title.length, ...cells.map((row) => (row[column] ?? '').length)),
  );
  const line = (values: readonly string[]) =>
    values
      .map((value, column) =>
        numeric[column] ? value.padStart(widths[column] ?? 0) : value.padEnd(widths[column] ?? 0),
      )
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...cells.map(line)].join(
    '\n',
  );
};
