import { refusalNeeds } from '../actor/readRefusal.js';
import { officeHours } from '@clientele/domain';
import * as E from 'fp-ts/lib/Either.js';
import type { ReadAccess, ReadModelStore } from '@clientele/projections';
import { receivablesReport, serviceReport } from '@clientele/projections';
import type { Chart, DashboardFilters, Kpi, Overview } from '@clientele/dashboard';
import { formatMoney, mainCurrency, majorUnits, percent } from '../reports/figures.js';
import type { ReportName } from '../reports/index.js';
import { dealKpis } from './dealFigures.js';
import { dealSelection, reportOptionsOf } from './dealSelection.js';
import { reportChart } from './reportCharts.js';
import type { ReportContext, ReportOptions } from '../reports/index.js';
import { readableDeals } from './scopedRecords.js';

/** The page's filters as a query string suffix, so a drill-down keeps them. */
export const filterSuffix = (filters: DashboardFilters): string => {
  const entries = Object.entries(filters).filter(([, value]) => value !== undefined);
  return entries.length === 0 ? '' : `&${new URLSearchParams(entries).toString()}`;
};

const CHARTS: readonly { name: ReportName; by?: string }[] = [
  { name: 'funnel' },
  { name: 'roi' },
  { name: 'receivables' },
  { name: 'performance', by: 'rep' },
  { name: 'performance', by: 'team' },
  { name: 'performance', by: 'office' },
  { name: 'pipeline' },
  { name: 'service' },
  { name: 'activities' },
  { name: 'followup' },
  { name: 'revenue', by: 'product' },
  { name: 'quotes' },
  { name: 'contracts' },
  { name: 'profitability', by: 'rep' },
  { name: 'expenses' },
];

/**
 * The charts of `reports` as `context.access` allows, in order; the reports the role may not
 * read are added to `withheld` by name and permission.
 */
export const chartsOf = async (
  context: ReportContext,
  reports: readonly { name: ReportName; by?: string }[],
  options: ReportOptions,
  withheld: string[],
): Promise<Chart[]> => {
  const charts: Chart[] = [];
  for (const { name, by } of reports) {
    const chart = await reportChart(context, name, { ...options, by });
    if (E.isLeft(chart)) {
      if (!withheld.includes(chart.left)) withheld.push(chart.left);
    } else if (chart.right !== undefined) charts.push(chart.right);
  }
  return charts;
};

const financeKpis = async (
  readModels: ReadModelStore,
  access: ReadAccess,
  asOf: string,
): Promise<E.Either<string, Kpi[]>> => {
  const rows = await receivablesReport(readModels, access, { asOf });
  if (E.isLeft(rows)) return E.left(`overdue receivables (${refusalNeeds(rows.left)})`);
  const overdue = rows.right[rows.right.length - 1]?.overdue ?? {};
  const currency = mainCurrency([overdue]);
  return E.right([
    {
      key: 'overdueReceivables',
      label: 'Overdue receivables',
      value: currency === undefined ? 0 : majorUnits(overdue, currency),
      display: formatMoney(overdue),
      drill: '/drill/invoices?overdue=1',
    },
  ]);
};

const serviceKpis = async (
  readModels: ReadModelStore,
  access: ReadAccess,
  asOf: string,
): Promise<E.Either<string, Kpi[]>> => {
  // The same instant and business hours as `clientele report service`.
  const figures = await serviceReport(readModels, access, {
    asOf: `${asOf}T23:59:59Z`,
    calendar: officeHours('UTC'),
  });
  if (E.isLeft(figures)) return E.left(`SLA breach rate (${refusalNeeds(figures.left)})`);
  const rate = percent(figures.right.breachRate);
  return E.right([
    {
      key: 'slaBreachRate',
      label: `SLA breach rate (${figures.right.breachRate.numerator} of ${figures.right.breachRate.denominator} tickets)`,
      value: rate,
      display: rate === null ? '—' : `${rate.toFixed(2)}%`,
      drill: '/drill/tickets',
    },
  ]);
};

/**
 * The overview as `access` allows: the headline figures (won revenue, win rate and pipeline over
 * the deals the filters select; overdue receivables and SLA breach rate as of the report day) and
 * the chart of every report. What the role may not read is named in `withheld`, not shown as 0.
 */
export const overview = async (
  context: ReportContext,
  filters: DashboardFilters,
  asOf: string,
): Promise<Overview> => {
  const { readModels, access } = context;
  const withheld: string[] = [];
  const kpis: Kpi[] = [];
  const deals = await readableDeals(readModels, access);
  if (E.isLeft(deals)) withheld.push(`sales figures (needs ${deals.left.permission})`);
  else {
    const selected = await dealSelection(readModels, filters, asOf, undefined);
    kpis.push(...dealKpis(deals.right.filter(selected), filterSuffix(filters)));
  }
  for (const more of [
    await financeKpis(readModels, access, asOf),
    await serviceKpis(readModels, access, asOf),
  ])
    if (E.isLeft(more)) withheld.push(more.left);
    else kpis.push(...more.right);
  const charts = await chartsOf(context, CHARTS, reportOptionsOf(filters, asOf), withheld);
  return { asOf, kpis, charts, withheld };
};
