import type { PerformanceGrouping, ReadModelStore } from '@clientele/projections';
import { salesPerformanceReport } from '@clientele/projections';
import { days, formatMoney, mainCurrency, majorUnits, percent } from './figures.js';
import type { RenderedReport, ReportOptions } from './reportSection.js';
import { withinRange } from './reportSection.js';

const GROUPINGS: readonly PerformanceGrouping[] = ['rep', 'team', 'manager', 'office', 'region'];

/** Sales performance per rep (or team, manager, office, region) and period, by close date. */
export const performanceReport = async (
  readModels: ReadModelStore,
  options: ReportOptions,
): Promise<RenderedReport> => {
  const groupBy = GROUPINGS.find((g) => g === options.by) ?? 'rep';
  const rows = (
    await salesPerformanceReport(readModels, { groupBy, period: options.period })
  ).filter((row) => withinRange(row.period, options));
  const whole = await salesPerformanceReport(readModels, { groupBy, period: 'all' });
  const currency = mainCurrency(whole.map((row) => row.wonRevenue));
  return {
    title: `Sales performance by ${groupBy}`,
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
                label: row.group,
                value: majorUnits(row.wonRevenue, currency),
                display: formatMoney({ [currency]: row.wonRevenue[currency] ?? 0 }),
              })),
          },
    header: [groupBy, 'period', 'won', 'lost', 'win rate %', 'won revenue', 'median cycle days'],
    rows: rows.map((row) => [
      row.group,
      row.period,
      row.won,
      row.lost,
      percent(row.winRate),
      formatMoney(row.wonRevenue),
      days(row.salesCycleDays.median),
    ]),
    note: 'Credited to the rep who closed each deal and to the team, manager and office the rep belonged to on the close day; win rate = won ÷ closed.',
    data: rows,
  };
};
