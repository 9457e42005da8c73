import * as E from 'fp-ts/lib/Either.js';
import type { AuthorizationDenial } from '@clientele/eventstore';
import { inReadScope, monthOf, monthsOf } from '@clientele/domain';
import type { ReadAccess } from '../../access/readAccess.js';
import {
  type MoneyByCurrency,
  addAmount,
  subtractTotals,
} from '../../definitions/moneyByCurrency.js';
import { activeDocuments } from '../../store/activeDocuments.js';
import type { ReadModelStore } from '../../store/readModelStore.js';
import { ExpenseBudgetDocument, ExpenseClaimDocument } from './expenseClaimDocument.js';

/** One rep's expenses in one budget period, against the budget. */
export interface ExpensesAgainstBudgetRow {
  readonly repId: string;
  readonly period: string;
  readonly budget: MoneyByCurrency;
  /** Claims not refused, incurred in the period. */
  readonly claimed: MoneyByCurrency;
  /** Of those, approved (or already reimbursed). */
  readonly approved: MoneyByCurrency;
  readonly reimbursed: MoneyByCurrency;
  /** Budget − claimed, per currency; negative when over budget. */
  readonly remaining: MoneyByCurrency;
}

type Rows = Map<string, ExpensesAgainstBudgetRow>;

const emptyRow = (repId: string, period: string): ExpensesAgainstBudgetRow => ({
  repId,
  period,
  budget: {},
  claimed: {},
  approved: {},
  reimbursed: {},
  remaining: {},
});

/** A claim added to its rep's row of the period: claimed, and approved or reimbursed by status. */
const addClaim = (rows: Rows, doc: ExpenseClaimDocument, period: string): void => {
  const key = `${doc.repId}\u0000${period}`;
  const row = rows.get(key) ?? emptyRow(doc.repId, period);
  const amount = { amountMinor: doc.amountMinor, currency: doc.currency };
  const approved = doc.status === 'approved' || doc.status === 'reimbursed';
  rows.set(key, {
    ...row,
    claimed: addAmount(row.claimed, amount),
    approved: approved ? addAmount(row.approved, amount) : row.approved,
    reimbursed: doc.status === 'reimbursed' ? addAmount(row.reimbursed, amount) : row.reimbursed,
  });
};

/**
 * Expenses against budget per rep and budget period: each budget period (month, quarter or
 * year) gathers the claims incurred in its months; claims of a rep with no budget for the month
 * are listed per month with an empty budget. Refused claims do not count. Within the actor's
 * `ExpenseClaim.read` scope (a rep sees their own).
 */
export const expensesAgainstBudgetReport = async (
  readModels: ReadModelStore,
  access: ReadAccess,
): Promise<E.Either<AuthorizationDenial, ExpensesAgainstBudgetRow[]>> => {
  const scope = access.scope('ExpenseClaim.read');
  if (E.isLeft(scope)) return scope;
  const rows: Rows = new Map();
  const budgetPeriods = new Map<string, string>();
  const budgets = activeDocuments(readModels, 'expenses', ExpenseBudgetDocument, {
    keyPrefix: 'budget:',
  });
  for await (const { doc } of budgets) {
    if (doc.budget === null || !inReadScope(scope.right, doc.repId)) continue;
    rows.set(`${doc.repId}\u0000${doc.period}`, {
      ...emptyRow(doc.repId, doc.period),
      budget: addAmount({}, doc.budget),
    });
    for (const month of monthsOf(doc.period))
      budgetPeriods.set(`${doc.repId}\u0000${month}`, doc.period);
  }
  const claims = activeDocuments(readModels, 'expenses', ExpenseClaimDocument, {
    keyPrefix: 'claim:',
  });
  for await (const { doc } of claims) {
    if (doc.status === 'rejected' || !inReadScope(scope.right, doc.repId)) continue;
    const month = monthOf(doc.incurredOn);
    addClaim(rows, doc, budgetPeriods.get(`${doc.repId}\u0000${month}`) ?? month);
  }
  return E.right(
    [...rows.values()]
      .map((row) => ({ ...row, remaining: subtractTotals(row.budget, row.claimed) }))
      .sort((a, b) => a.repId.localeCompare(b.repId) || a.period.localeCompare(b.period)),
  );
};
