import { refusalNeeds } from '../actor/readRefusal.js';
import * as E from 'fp-ts/lib/Either.js';
import type { MoneyByCurrency } from '@clientele/projections';
import type { Chart, ChartBar } from '@clientele/dashboard';
import { formatMoney, mainCurrency, majorUnits } from '../reports/figures.js';
import type { ReportContext, ReportName, ReportOptions } from '../reports/index.js';
import type { ReportRow } from '../reports/report.js';
import { cellText } from '../reports/report.js';
import { reports } from '../reports/index.js';

/** A report's chart with a drill-down path for each bar, or why the actor may not see it. */
type ChartOutcome = E.Either<string, Chart | undefined>;

const drillQuery = (values: Readonly<Record<string, string>>): string =>
  `?${new URLSearchParams(values).toString()}`;

/** How each report's bars drill down: the records behind one bar. */
const DRILLS: Readonly<Record<string, (label: string) => string>> = {
  funnel: (stage) => `/drill/leads${drillQuery({ stage })}`,
  roi: (campaign) => `/drill/deals${drillQuery({ campaign, outcome: 'won' })}`,
  receivables: (bucket) => `/drill/invoices${drillQuery({ bucket })}`,
  service: (status) => `/drill/tickets${drillQuery({ status })}`,
};

const pipelineChart = (rows: readonly ReportRow[]): Chart | undefined => {
  // The pipeline report's columns `forecastCategory` (a code) and `amount` (money by currency).
  const deals = rows.map((row) => ({
    category: cellText(row['forecastCategory']),
    amount: row['amount'] as MoneyByCurrency,
  }));
  const currency = mainCurrency(deals.map((deal) => deal.amount));
  if (currency === undefined) return undefined;
  const byCategory = new Map<string, number>();
  for (const { category, amount } of deals)
    byCategory.set(category, (byCategory.get(category) ?? 0) + (amount[currency] ?? 0));
  return {
    key: 'pipeline',
    title: `Open pipeline by forecast category (${currency})`,
    kind: 'bars',
    bars: [...byCategory].map(([category, minor]) => ({
      label: category,
      value: majorUnits({ [currency]: minor }, currency),
      display: formatMoney({ [currency]: minor }),
      drill: `/drill/deals${drillQuery({ outcome: 'open', forecastCategory: category })}`,
    })),
  };
};

/**
 * The chart of one report as `clientele report` builds it, with drill-down paths added; the
 * pipeline report has no chart of its own, so its rows are summed by forecast category.
 */
export const reportChart = async (
  context: ReportContext,
  name: ReportName,
  options: ReportOptions,
): Promise<ChartOutcome> => {
  const built = await reports[name].build(context, options);
  if (E.isLeft(built)) return E.left(`${name} (${refusalNeeds(built.left)})`);
  if (name === 'pipeline') return E.right(pipelineChart(built.right.rows));
  const chart = built.right.chart;
  if (chart === undefined) return E.right(undefined);
  const drill =
    name === 'performance'
      ? (group: string) =>
          `/drill/deals${drillQuery({ by: options.by ?? 'rep', group, outcome: 'closed', period: 'all' })}`
      : DRILLS[name];
  return E.right({
    // Reports drawn once per grouping are told apart by it.
    key: name === 'performance' || name === 'forecast' ? `${name}-${options.by ?? 'rep'}` : name,
    title: chart.title,
    kind: chart.kind,
    ...(chart.referenceLabel === undefined ? {} : { referenceLabel: chart.referenceLabel }),
    bars: chart.bars.map((bar): ChartBar => ({
      ...bar,
      ...(drill === undefined ? {} : { drill: drill(bar.key ?? bar.label) }),
    })),
  });
};
