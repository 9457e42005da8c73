import * as E from 'fp-ts/lib/Either.js';
import type { AuthorizationDenial } from '@clientele/eventstore';
import type { MoneyByCurrency, ExpensesAgainstBudgetRow } from '@clientele/projections';
import { addTotals, expensesAgainstBudgetReport } from '@clientele/projections';
import { expensesChart } from './productToCashCharts.js';
import type { Report } from './report.js';
import { column } from './report.js';
import type { ReportShape } from './reportJson.js';
import type { ReportContext, ReportOptions } from './reportSection.js';

const FIGURES = [
  column('money', 'budget', 'budget', 'The rep’s expense budget of the period.'),
  column('money', 'claimed', 'claimed', 'Claims incurred in the period, refused ones left out.'),
  column('money', 'approved', 'approved', 'Of those, approved or reimbursed.'),
  column('money', 'reimbursed', 'reimbursed', 'Of those, paid back to the rep.'),
  column('money', 'remaining', 'remaining', 'Budget − claimed; negative when over budget.'),
];

/** The columns of the expenses report. */
export const expensesShape: ReportShape = {
  name: 'expenses',
  description: 'Sales expenses against budget, per rep and budget period.',
  columns: [
    column('text', 'rep', 'rep', 'The rep who claimed.'),
    column(
      'period',
      'period',
      'period',
      'The budget period (a month when the rep has no budget for it).',
    ),
    ...FIGURES,
  ],
  totalColumns: FIGURES,
};

/** Expenses against budget per rep and budget period (`ExpenseClaim.read`: a rep sees their own). */
export const expensesReport = async (
  { readModels, access }: ReportContext,
  options: ReportOptions,
): Promise<E.Either<AuthorizationDenial, Report>> => {
  const rows = await expensesAgainstBudgetReport(readModels, access);
  if (E.isLeft(rows)) return rows;
  const sum = (pick: (row: ExpensesAgainstBudgetRow) => MoneyByCurrency) =>
    rows.right.reduce<MoneyByCurrency>((total, row) => addTotals(total, pick(row)), {});
  return E.right({
    name: 'expenses',
    title: 'Expenses against budget',
    asOf: options.asOf,
    columns: expensesShape.columns,
    rows: rows.right.map(({ repId, ...row }) => ({ rep: repId, ...row })),
    totalColumns: expensesShape.totalColumns,
    totals: {
      budget: sum((row) => row.budget),
      claimed: sum((row) => row.claimed),
      approved: sum((row) => row.approved),
      reimbursed: sum((row) => row.reimbursed),
      remaining: sum((row) => row.remaining),
    },
    chart: expensesChart(rows.right, options.asOf),
    note: 'A claim counts in the budget period of the day it was incurred; refused claims do not count.',
  });
};
