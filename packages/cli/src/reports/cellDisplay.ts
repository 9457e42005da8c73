import type { MoneyByCurrency } from '@clientele/projections';
import type { Cell } from '../output/table.js';
import { formatMoney } from './figures.js';
import type { ByCurrency, ColumnKind, ReportColumn, ReportRow, ReportValue } from './report.js';

/** A machine code as people say it: `needsAnalysis` → `needs analysis`, `call_centre` → `call centre`. */
export const codeLabel = (code: string): string =>
  code
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replaceAll('_', ' ')
    .toLowerCase();

const UNITS: Partial<Record<ColumnKind, (n: number) => string>> = {
  percent: (n) => `${n.toFixed(2)}%`,
  days: (n) => `${n.toFixed(1)} days`,
  minutes: (n) => `${n.toFixed(0)} min`,
  score: (n) => `${n.toFixed(1)} of 5`,
  count: (n) => n.toLocaleString('en-US'),
};

const byCurrencyText = (values: ByCurrency, unit: (n: number) => string): string => {
  const entries = Object.entries(values)
    .filter((entry): entry is [string, number] => entry[1] !== null)
    .sort(([a], [b]) => a.localeCompare(b));
  const [only, ...more] = entries;
  if (only === undefined) return '—';
  if (more.length === 0) return unit(only[1]);
  return entries.map(([currency, n]) => `${currency} ${unit(n)}`).join('; ');
};

/** A value as people read it: labels for codes, money with its currency, units on figures. */
export const displayValue = (column: ReportColumn, value: ReportValue): string => {
  if (value === null) return '—';
  if (column.kind === 'money') return formatMoney(value as MoneyByCurrency);
  const unit = UNITS[column.kind];
  if (typeof value === 'object') return byCurrencyText(value, unit ?? String);
  if (typeof value === 'number') return unit === undefined ? String(value) : unit(value);
  return column.kind === 'code' ? codeLabel(value) : value;
};

/** Whether a column holds figures (right-aligned) rather than words. */
export const isFigure = (column: ReportColumn): boolean =>
  !['text', 'code', 'period'].includes(column.kind);

/** The columns tables and HTML show. */
export const shownColumns = (columns: readonly ReportColumn[]): readonly ReportColumn[] =>
  columns.filter((c) => c.machineOnly !== true);

/** A row's cells as tables and HTML show them, names falling back to ids. */
export const displayRow = (columns: readonly ReportColumn[], row: ReportRow): Cell[] =>
  shownColumns(columns).map((c) =>
    displayValue(
      c,
      row[c.key] ?? (c.fallbackKey === undefined ? null : (row[c.fallbackKey] ?? null)),
    ),
  );
