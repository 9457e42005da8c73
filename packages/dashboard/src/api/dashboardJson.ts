/**
 * The JSON the dashboard's API answers with: plain data the browser app draws. The server fills
 * it through a {@link DashboardData} port, so where the figures come from (today the CLI's
 * reports over the read models) can change without touching the pages.
 */

/** What the user narrowed the figures to; every field optional. */
export interface DashboardFilters {
  /** How periods are bucketed: `month`, `quarter`, `year` or `all`. */
  readonly period?: string;
  /** First and last day kept (`YYYY-MM-DD`). */
  readonly from?: string;
  readonly to?: string;
  /** How performance is grouped: `rep`, `team` or `office`; with `group`, the one group kept. */
  readonly by?: string;
  readonly group?: string;
  /** Only the records of this owner (a rep id). */
  readonly owner?: string;
}

/** One headline figure. `drill` is the path of the list of records behind it. */
export interface Kpi {
  readonly key: string;
  readonly label: string;
  /** The figure as a number (a ratio in percent, money in major units), or null when undefined. */
  readonly value: number | null;
  readonly display: string;
  readonly drill: string;
}

/** One bar of a chart. */
export interface ChartBar {
  readonly label: string;
  readonly value: number;
  readonly display: string;
  /** The path of the records behind the bar, when there is a list for it. */
  readonly drill?: string;
  /** An interval around the value (a forecast's 80 % band), in the value's units. */
  readonly low?: number;
  readonly high?: number;
  /** A mark to hold the bar against (a budget, a predicted rate), in the value's units. */
  readonly reference?: number;
}

/** One chart: a report's figures as bars. */
export interface Chart {
  readonly key: string;
  readonly title: string;
  readonly kind: 'bars' | 'funnel';
  readonly bars: readonly ChartBar[];
  /** What the bars' reference marks are (`budget`), said in the chart's key. */
  readonly referenceLabel?: string;
}

/** The overview page. */
export interface Overview {
  readonly asOf: string;
  readonly kpis: readonly Kpi[];
  readonly charts: readonly Chart[];
  /** Reports the actor's role may not read, with the permission it lacks. */
  readonly withheld: readonly string[];
}

/** The analytics page: the charts of the model-backed reports (segments, scores, forecast). */
export interface Analytics {
  readonly asOf: string;
  readonly charts: readonly Chart[];
  /** Reports the actor's role may not read, with the permission it lacks. */
  readonly withheld: readonly string[];
}

/** A cell of a drill-down table; `href` links to a page about the record. */
export interface DrillCell {
  readonly text: string;
  readonly href?: string;
  readonly numeric?: boolean;
}

/** The records behind a figure. */
export interface DrillTable {
  readonly title: string;
  readonly columns: readonly string[];
  readonly rows: readonly (readonly DrillCell[])[];
}

/** One event of a customer's timeline. */
export interface TimelineItem {
  readonly position: string;
  readonly occurredAt: string;
  readonly recordedAt: string;
  readonly streamName: string;
  readonly type: string;
  readonly actor: string;
}

/** A customer's page: the timeline and state as of a moment. */
export interface CustomerView {
  readonly customerId: string;
  /** `now`, or the moment asked for and whether it means known-by or effective-by. */
  readonly asOf: { readonly at: string; readonly effective: boolean } | null;
  readonly timeline: readonly TimelineItem[];
  readonly state: unknown;
  /** Events of streams the actor may not read, left out. */
  readonly withheld: number;
}

/** A team's page: its figures, credited to the team on the close day. */
export interface TeamView {
  readonly teamId: string;
  readonly kpis: readonly Kpi[];
  readonly charts: readonly Chart[];
}
