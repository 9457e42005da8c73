import * as t from 'io-ts';
import { NonNegativeMoney } from '../shared/money.js';
import type { ExpenseBudgetState } from './decide.js';

/**
 * The ExpenseBudget state as stored in a snapshot (a rep's budget per period): decoded like any
 * stored JSON, so a snapshot of another shape is ignored rather than trusted.
 */
export const ExpenseBudgetStateCodec: t.Type<ExpenseBudgetState, unknown> = t.readonly(
  t.type({ budgets: t.readonly(t.record(t.string, NonNegativeMoney)) }),
  'ExpenseBudgetState',
);

/**
 * The version of the ExpenseBudget state's shape and `evolve`: bump it whenever either changes,
 * so snapshots written by an older `evolve` are ignored.
 */
export const EXPENSE_BUDGET_STATE_VERSION = 'expense-budget@1';
