import { decimalAmount } from './figures.js';
import type { ByCurrency, Report, ReportColumn, ReportRow } from './report.js';
import type { Cell } from '../output/table.js';

const perCurrency = (column: ReportColumn): boolean =>
  column.kind === 'money' || column.byCurrency === true;

/** The currencies a row has figures in, A–Z. */
const currenciesOf = (columns: readonly ReportColumn[], row: ReportRow): string[] => {
  const found = new Set<string>();
  for (const c of columns.filter(perCurrency))
    for (const currency of Object.keys((row[c.key] ?? {}) as ByCurrency)) found.add(currency);
  return [...found].sort();
};

const cellOf = (column: ReportColumn, row: ReportRow, currency: string | undefined): Cell => {
  const value = row[column.key] ?? null;
  if (!perCurrency(column)) return value as Cell;
  if (currency === undefined) return null;
  const amount = (value as ByCurrency | null)?.[currency];
  if (column.kind === 'money') return decimalAmount(amount ?? 0, currency);
  return amount ?? null;
};

/**
 * A report as one CSV table: the columns' keys as the header, money as a decimal with a dot in
 * the row's `currency` column. A row with figures in several currencies becomes one line per
 * currency (its counts repeated on each); a row with no money has an empty currency.
 */
export const reportCsvTable = (
  report: Report,
): { readonly header: string[]; readonly rows: Cell[][] } => {
  const { columns } = report;
  const firstMoney = columns.findIndex(perCurrency);
  const header = columns.map((c) => c.key);
  if (firstMoney === -1)
    return {
      header,
      rows: report.rows.map((row) => columns.map((c) => cellOf(c, row, undefined))),
    };
  header.splice(firstMoney, 0, 'currency');
  const rows = report.rows.flatMap((row) => {
    const currencies = currenciesOf(columns, row);
    return (currencies.length === 0 ? [undefined] : currencies).map((currency) => {
      const cells = columns.map((c) => cellOf(c, row, currency));
      cells.splice(firstMoney, 0, currency ?? null);
      return cells;
    });
  });
  return { header, rows };
};
