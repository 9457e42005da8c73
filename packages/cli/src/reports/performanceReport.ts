import * as E from 'fp-ts/lib/Either.js';
import type {
  MoneyByCurrency,
  PerformanceGrouping,
  PerformanceRow,
  ReadRefusal,
} from '@clientele/projections';
import {
  addTotals,
  organizationNames,
  ratio,
  salesPerformanceReport,
} from '@clientele/projections';
import {
  formatMoney,
  mainCurrency,
  majorUnits,
  moneyOfRatios,
  oneDecimal,
  percent,
} from './figures.js';
import type { Report } from './report.js';
import { column, nullable } from './report.js';
import type { ReportShape } from './reportJson.js';
import type { ReportContext, ReportOptions } from './reportSection.js';
import { byName, withinRange } from './reportSection.js';

/** The groupings `report performance --by` accepts. */
export const PERFORMANCE_GROUPINGS: readonly PerformanceGrouping[] = [
  'rep',
  'team',
  'manager',
  'office',
  'region',
];

const FIGURES = [
  column('count', 'won', 'won', 'Deals won.'),
  column('count', 'lost', 'lost', 'Deals lost.'),
  column('percent', 'winRatePercent', 'win rate', nullable('Won ÷ closed.')),
  column('money', 'wonRevenue', 'won revenue', 'Amounts of the deals won.'),
];
const PIPELINE = [
  column('money', 'openPipeline', 'open pipeline', 'Open deals expected to close in the period.'),
  column('money', 'weightedPipeline', 'weighted pipeline', 'Open pipeline × stage probability.'),
];

/** The columns of the performance report. */
export const performanceShape: ReportShape = {
  name: 'performance',
  description:
    'Sales performance per rep, team, manager, office or region and period, by close date; names A–Z, then periods.',
  columns: [
    column('text', 'group', 'group', {
      description: 'The rep, team, manager, office or region id.',
      machineOnly: true,
    }),
    column('text', 'groupName', 'group', {
      description: 'The team’s or office’s name; null for other groupings.',
      nullable: true,
      fallbackKey: 'group',
    }),
    column('period', 'period', 'period', 'The close period.'),
    ...FIGURES,
    column(
      'days',
      'medianCycleDays',
      'median sales cycle',
      nullable('Median days from open to win.'),
    ),
    column('money', 'averageDealSize', 'average deal', 'Won revenue ÷ deals won, per currency.'),
    ...PIPELINE,
  ],
  totalColumns: [...FIGURES, ...PIPELINE],
};

/**
 * Sales performance per rep (or team, manager, office, region) and period, by close date, over
 * the deals the actor may read (`Opportunity.read`): a rep's rows hold only their own deals.
 */
export const performanceReport = async (
  { readModels, access }: ReportContext,
  options: ReportOptions,
): Promise<E.Either<ReadRefusal, Report>> => {
  const groupBy = PERFORMANCE_GROUPINGS.find((g) => g === options.by) ?? 'rep';
  const periods = await salesPerformanceReport(readModels, access, {
    groupBy,
    period: options.period,
  });
  if (E.isLeft(periods)) return periods;
  const overall = await salesPerformanceReport(readModels, access, { groupBy, period: 'all' });
  if (E.isLeft(overall)) return overall;
  const names = await organizationNames(readModels);
  const label = (row: PerformanceRow) => names.get(row.group) ?? row.group;
  const rows = periods.right
    .filter((row) => withinRange(row.period, options))
    .sort((a, b) => byName(label(a), label(b)) || a.period.localeCompare(b.period));
  const whole = overall.right;
  const sum = (pick: (row: PerformanceRow) => number) => whole.reduce((n, row) => n + pick(row), 0);
  const won = sum((row) => row.won);
  const lost = sum((row) => row.lost);
  const currency = mainCurrency(whole.map((row) => row.wonRevenue));
  const title = `Sales performance by ${groupBy}`;
  return E.right({
    name: 'performance',
    title,
    asOf: options.asOf,
    columns: performanceShape.columns.map((c) =>
      c.key === 'groupName' ? { ...c, title: groupBy } : c,
    ),
    rows: rows.map((row) => ({
      group: row.group,
      groupName: names.get(row.group) ?? null,
      period: row.period,
      won: row.won,
      lost: row.lost,
      winRatePercent: percent(row.winRate),
      wonRevenue: row.wonRevenue,
      medianCycleDays: oneDecimal(row.salesCycleDays.median),
      averageDealSize: moneyOfRatios(row.averageDealSize),
      openPipeline: row.openPipeline,
      weightedPipeline: row.weightedPipeline,
    })),
    totalColumns: performanceShape.totalColumns,
    totals: {
      won,
      lost,
      winRatePercent: percent(ratio(won, won + lost)),
      wonRevenue: whole.reduce<MoneyByCurrency>((m, row) => addTotals(m, row.wonRevenue), {}),
      openPipeline: whole.reduce<MoneyByCurrency>((m, row) => addTotals(m, row.openPipeline), {}),
      weightedPipeline: whole.reduce<MoneyByCurrency>(
        (m, row) => addTotals(m, row.weightedPipeline),
        {},
      ),
    },
    chart:
      currency === undefined
        ? undefined
        : {
            kind: 'bars',
            title: `Won revenue by ${groupBy} (${currency})`,
            bars: [...whole]
              .sort(
                (a, b) => majorUnits(b.wonRevenue, currency) - majorUnits(a.wonRevenue, currency),
              )
              .map((row) => ({
                label: label(row),
                key: row.group,
                value: majorUnits(row.wonRevenue, currency),
                display: formatMoney({ [currency]: row.wonRevenue[currency] ?? 0 }),
              })),
          },
    note: 'Credited to the rep who closed each deal and to the team, manager and office the rep belonged to on the close day; win rate = won ÷ closed.',
  });
};
