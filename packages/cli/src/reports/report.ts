import type { MoneyByCurrency } from '@clientele/projections';
import type { ChartSpec } from '../html/charts.js';

/**
 * What a column holds, which decides how every format writes it:
 * - `text`: a name or an id; `code`: a machine code (a stage, a status) that tables and HTML show
 *   as a label while JSON and CSV keep the code; `period`: a period or cohort label (`2026-Q1`);
 * - `count`: a whole number;
 * - `money`: amounts per currency in minor units (`{"EUR": 975000}`);
 * - `percent`, `days`, `minutes`, `score`: a number or null (nothing to measure); with
 *   `byCurrency` one such number per currency (ROI, days sales outstanding).
 */
export type ColumnKind =
  'text' | 'code' | 'period' | 'count' | 'money' | 'percent' | 'days' | 'minutes' | 'score';

/** One column of a report: its stable key (JSON and CSV), its title (tables and HTML), its kind. */
export interface ReportColumn {
  readonly key: string;
  readonly title: string;
  readonly kind: ColumnKind;
  /** What the figure means, for the published JSON Schema. */
  readonly description: string;
  /** A number per currency (`{"EUR": 12.5}`) instead of one number. */
  readonly byCurrency?: boolean;
  /** The value may be null: a name nobody may read, a figure with nothing to measure. */
  readonly nullable?: boolean;
  /** Shown in tables and HTML in place of a null value: the name column falls back to the id. */
  readonly fallbackKey?: string;
  /** Left out of tables and HTML (the id behind a name), kept in JSON and CSV. */
  readonly machineOnly?: boolean;
  /**
   * The column holds the id of the person the row is about (a customer): showing the row is a
   * read of their personal data, recorded in the access log (ids only).
   */
  readonly dataSubject?: boolean;
}

/** A value of a report cell. */
export type ReportValue = string | number | null | MoneyByCurrency | ByCurrency;
/** One number (or null) per currency. */
export type ByCurrency = Readonly<Record<string, number | null>>;
/** A cell read as text: strings as they are, numbers printed, anything else empty. */
export const cellText = (value: ReportValue | undefined): string =>
  typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';

/** A row of a report: a value per column key. */
export type ReportRow = Readonly<Record<string, ReportValue>>;

/** The names of the reports `clientele report` can print. */
export type ReportName =
  | 'funnel'
  | 'roi'
  | 'receivables'
  | 'performance'
  | 'pipeline'
  | 'service'
  | 'activities'
  | 'neglected'
  | 'followup'
  | 'scores'
  | 'forecast'
  | 'segments'
  | 'churn'
  | 'credit'
  | 'conversion'
  | 'revenue'
  | 'quotes'
  | 'contracts'
  | 'expenses'
  | 'profitability';

/**
 * A report ready for any format. JSON writes `{report, asOf, rows, totals}` with the columns'
 * keys; CSV the rows, one file per report; tables and HTML the titles, labels and units.
 */
export interface Report {
  readonly name: ReportName;
  /** For people: `Sales performance by team`. */
  readonly title: string;
  /** The report date, `YYYY-MM-DD` (see `reportDate`). */
  readonly asOf: string;
  readonly columns: readonly ReportColumn[];
  readonly rows: readonly ReportRow[];
  readonly totalColumns: readonly ReportColumn[];
  readonly totals: ReportRow;
  readonly chart?: ChartSpec | undefined;
  /** One sentence on how the figures are defined (see docs/reports.md). */
  readonly note?: string;
}

/** A column's description with the flags it needs: nullable, by currency, machine only and so on. */
export type ColumnDetails = Omit<ReportColumn, 'key' | 'title' | 'kind'>;

/** The details of a column that may be null (nothing to measure, a name not to be shown). */
export const nullable = (description: string): ColumnDetails => ({ description, nullable: true });

/**
 * A column definition, with the kind first so the tables of columns read as a list: its
 * description alone, or with its flags (`{ description, nullable: true }`).
 */
export const column = (
  kind: ColumnKind,
  key: string,
  title: string,
  details: string | ColumnDetails,
): ReportColumn => {
  const { description, ...flags } =
    typeof details === 'string' ? { description: details } : details;
  return { key, title, kind, description, ...flags };
};
