import * as t from 'io-ts';
import { DateOnly } from '../shared/dates.js';
import { NonNegativeMoney } from '../shared/money.js';
import type { ExpenseClaimState } from './state.js';
import { ExpenseCategory } from './values.js';

const SubmittedClaim = t.readonly(
  t.type({
    submitted: t.literal(true),
    claimId: t.string,
    repId: t.string,
    category: ExpenseCategory,
    amount: NonNegativeMoney,
    incurredOn: DateOnly,
    opportunityId: t.union([t.string, t.null]),
    customerId: t.union([t.string, t.null]),
    status: t.keyof({ submitted: null, approved: null, rejected: null, reimbursed: null }),
  }),
);

/**
 * The ExpenseClaim state as stored in a snapshot: decoded like any stored JSON, so a snapshot
 * that no longer matches the state's shape is ignored rather than trusted.
 */
export const ExpenseClaimStateCodec: t.Type<ExpenseClaimState, unknown> = t.union(
  [t.readonly(t.type({ status: t.literal('none') })), SubmittedClaim],
  'ExpenseClaimState',
);

/**
 * The version of the ExpenseClaim state's shape and `evolve`: bump it whenever either changes,
 * so snapshots written by an older `evolve` are ignored.
 */
export const EXPENSE_CLAIM_STATE_VERSION = 'expense-claim@1';
