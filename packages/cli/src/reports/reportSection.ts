import { periodOf } from '@clientele/projections';
import type { ReportSection } from '../html/htmlReport.js';

/** A report ready for any output format: the table, its chart, and the raw figures for JSON. */
export interface RenderedReport extends ReportSection {
  /** The report's rows as the projections return them, for `--format json`. */
  readonly data: unknown;
}

/** What every report is asked for, from the command line. */
export interface ReportOptions {
  readonly period: 'month' | 'quarter' | 'year' | 'all';
  readonly by: string | undefined;
  /** `YYYY-MM-DD`: the report date (receivables). */
  readonly asOf: string;
  /** Keep periods and cohorts from `from` to `to` (inclusive), compared as period labels. */
  readonly from: string | undefined;
  readonly to: string | undefined;
  /** Per-customer rows as well as totals (receivables); the demo prints totals only. */
  readonly detail: boolean;
}

/** Whether a period or cohort label lies within `--from`/`--to` (days, bucketed like the label). */
export const withinRange = (label: string, options: ReportOptions): boolean =>
  label === 'all' ||
  ((options.from === undefined || label >= periodOf(options.from, options.period)) &&
    (options.to === undefined || label <= periodOf(options.to, options.period)));
