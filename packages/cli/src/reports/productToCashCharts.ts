import type {
  ExpensesAgainstBudgetRow,
  MoneyByCurrency,
  QuoteConversionRow,
} from '@clientele/projections';
import type { ChartSpec } from '../html/charts.js';
import { codeLabel } from './cellDisplay.js';
import { formatMoney, mainCurrency, majorUnits, percent } from './figures.js';

/** The most and the least profitable groups a profitability chart draws, each. */
export const PROFITABILITY_CHART_ENDS = 10;

const percentText = (value: number | null): string =>
  value === null ? '—' : `${value.toFixed(2)}%`;

/**
 * Quote-to-order conversion per rep: the bar is ordered ÷ sent, the figure beside it also says
 * the gross-weighted average discount, so one chart answers both questions of the report.
 */
export const quotesChart = (rows: readonly QuoteConversionRow[]): ChartSpec => ({
  kind: 'bars',
  title: 'Quote-to-order conversion by rep (average discount beside it)',
  bars: rows
    .filter((row) => row.quotesSent > 0)
    .map((row) => {
      const conversion = percent(row.conversion) ?? 0;
      return {
        label: row.repId,
        key: row.repId,
        value: conversion,
        display: `${percentText(conversion)} of ${String(row.quotesSent)}, discount ${percentText(percent(row.averageDiscount))}`,
      };
    }),
});

/** A contract of the contracts report, as the chart needs it. */
export interface ContractOutlook {
  readonly outlook: string;
  readonly termNet: MoneyByCurrency;
}

const OUTLOOKS = ['renewing', 'ending', 'churned'] as const;

/** Contracts per outlook (renewing, ending, churned), with their term value beside the count. */
export const contractsChart = (
  contracts: readonly ContractOutlook[],
  withinDays: number,
): ChartSpec => ({
  kind: 'bars',
  title: `Contracts whose term ends in the next ${String(withinDays)} days, and churned`,
  bars: OUTLOOKS.map((outlook) => {
    const mine = contracts.filter((contract) => contract.outlook === outlook);
    const value = mine.reduce<Record<string, number>>((sum, { termNet }) => {
      for (const [currency, minor] of Object.entries(termNet))
        sum[currency] = (sum[currency] ?? 0) + minor;
      return sum;
    }, {});
    return {
      label: codeLabel(outlook),
      key: outlook,
      value: mine.length,
      display: `${String(mine.length)} (${formatMoney(value)} a term)`,
    };
  }),
});

/** The first day of a budget period: `2026`, `2026-Q2` or `2026-05`. */
const periodStart = (period: string): string => {
  const quarter = /^(\d{4})-Q(\d)$/.exec(period);
  if (quarter !== null)
    return `${quarter[1] ?? ''}-${String((Number(quarter[2]) - 1) * 3 + 1).padStart(2, '0')}-01`;
  return period.length === 4 ? `${period}-01-01` : `${period}-01`;
};

/**
 * Claims against budget per rep in the latest budget period begun by the report date: the bar is
 * what was claimed, the tick the budget. Undefined when no rep has a budget by then.
 */
export const expensesChart = (
  rows: readonly ExpensesAgainstBudgetRow[],
  asOf: string,
): ChartSpec | undefined => {
  const budgeted = rows.filter(
    (row) =>
      Object.values(row.budget).some((minor) => minor > 0) && periodStart(row.period) <= asOf,
  );
  const period = budgeted
    .map((row) => row.period)
    .sort((a, b) => periodStart(a).localeCompare(periodStart(b)))
    .at(-1);
  const inPeriod = budgeted.filter((row) => row.period === period);
  const currency = mainCurrency(inPeriod.map((row) => row.budget));
  if (period === undefined || currency === undefined) return undefined;
  return {
    kind: 'bars',
    title: `Expenses claimed against budget in ${period} (${currency})`,
    referenceLabel: 'the budget',
    bars: inPeriod.map((row) => ({
      label: row.repId,
      key: row.repId,
      value: majorUnits(row.claimed, currency),
      reference: majorUnits(row.budget, currency),
      display: `${formatMoney({ [currency]: row.claimed[currency] ?? 0 })} of ${formatMoney({ [currency]: row.budget[currency] ?? 0 })}`,
    })),
  };
};

/** A group's profit, named. */
export interface GroupProfit {
  readonly group: string;
  readonly name: string;
  readonly profit: MoneyByCurrency;
}

const numbered = (groups: readonly GroupProfit[], index: number): string => {
  const name = groups[index]?.name ?? '';
  const before = groups.slice(0, index).filter((group) => group.name === name).length;
  return before === 0 ? name : `${name} (${String(before + 1)})`;
};

/**
 * Profit per group, most profitable first. With more than twice {@link PROFITABILITY_CHART_ENDS}
 * groups only both ends are drawn, and the title says so.
 */
export const profitabilityChart = (
  groups: readonly GroupProfit[],
  groupBy: string,
): ChartSpec | undefined => {
  const currency = mainCurrency(groups.map((group) => group.profit));
  if (currency === undefined) return undefined;
  const sorted = [...groups].sort(
    (a, b) => (b.profit[currency] ?? 0) - (a.profit[currency] ?? 0) || a.name.localeCompare(b.name),
  );
  const cut = sorted.length > 2 * PROFITABILITY_CHART_ENDS;
  const shown = cut
    ? [...sorted.slice(0, PROFITABILITY_CHART_ENDS), ...sorted.slice(-PROFITABILITY_CHART_ENDS)]
    : sorted;
  return {
    kind: 'bars',
    title: cut
      ? `Profit by ${groupBy}: the ${String(PROFITABILITY_CHART_ENDS)} most and least profitable of ${String(sorted.length)} (${currency})`
      : `Profit by ${groupBy} (${currency})`,
    bars: shown.map((group, index) => ({
      // Two deals of one customer share a name: the later ones are numbered, so no bar merges.
      label: numbered(shown, index),
      key: group.group,
      value: majorUnits(group.profit, currency),
      display: formatMoney({ [currency]: group.profit[currency] ?? 0 }),
    })),
  };
};
