import * as E from 'fp-ts/lib/Either.js';
import type { AuthorizationDenial } from '@clientele/eventstore';
import type { PerformanceGrouping, ReadAccess, ReadModelStore } from '@clientele/projections';
import { salesPerformanceReport } from '@clientele/projections';
import { days, formatMoney, mainCurrency, majorUnits, percent } from './figures.js';
import type { RenderedReport, ReportOptions } from './reportSection.js';
import { withinRange } from './reportSection.js';

const GROUPINGS: readonly PerformanceGrouping[] = ['rep', 'team', 'manager', 'office', 'region'];

/**
 * Sales performance per rep (or team, manager, office, region) and period, by close date, over
 * the deals the actor may read (`Opportunity.read`): a rep's rows hold only their own deals.
 */
export const performanceReport = async (
  readModels: ReadModelStore,
  access: ReadAccess,
  options: ReportOptions,
): Promise<E.Either<AuthorizationDenial, RenderedReport>> => {
  const groupBy = GROUPINGS.find((g) => g === options.by) ?? 'rep';
  const periods = await salesPerformanceReport(readModels, access, {
    groupBy,
    period: options.period,
  });
  if (E.isLeft(periods)) return periods;
  const rows = periods.right.filter((row) => withinRange(row.period, options));
  const overall = await salesPerformanceReport(readModels, access, { groupBy, period: 'all' });
  if (E.isLeft(overall)) return overall;
  const whole = overall.right;
  const currency = mainCurrency(whole.map((row) => row.wonRevenue));
  return E.right({
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
  });
};
