import type { EventStore } from '@clientele/eventstore';
import type { ReadAccess, ReadModelStore } from '@clientele/projections';
import { periodOf } from '@clientele/projections';

/** What every report reads: the read models, the decrypting log for names, and who is reading. */
export interface ReportContext {
  readonly readModels: ReadModelStore;
  /** The log through the personal-data decorator: people's names are resolved from it. */
  readonly events: EventStore;
  readonly access: ReadAccess;
}

/** What every report is asked for, from the command line. */
export interface ReportOptions {
  readonly period: 'month' | 'quarter' | 'year' | 'all';
  readonly by: string | undefined;
  /** `YYYY-MM-DD`: the report date (see `reportDate`). */
  readonly asOf: string;
  /** Keep periods and cohorts from `from` to `to` (inclusive), compared as period labels. */
  readonly from: string | undefined;
  readonly to: string | undefined;
  /** Every customer's receivables; the demo shows the five largest. */
  readonly detail: boolean;
  /** Days without contact that make a customer neglected (default 30). */
  readonly neglectedDays?: number;
}

/** Whether a period or cohort label lies within `--from`/`--to` (days, bucketed like the label). */
export const withinRange = (label: string, options: ReportOptions): boolean =>
  label === 'all' ||
  ((options.from === undefined || label >= periodOf(options.from, options.period)) &&
    (options.to === undefined || label <= periodOf(options.to, options.period)));

/** Compares names A–Z as people expect (`Team 2` before `Team 10`). */
export const byName = (a: string, b: string): number =>
  a.localeCompare(b, 'en', { numeric: true, sensitivity: 'base' });
