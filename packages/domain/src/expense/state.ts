import type { DateOnly } from '../shared/dates.js';
import type { NonNegativeMoney } from '../shared/money.js';
import type { ExpenseClaimEvent } from './events.js';
import type { ExpenseCategory } from './values.js';

/** Where a claim stands. */
export type ExpenseClaimStatus = 'submitted' | 'approved' | 'rejected' | 'reimbursed';

/** A submitted claim after its events. */
export interface ExpenseClaimProfile {
  readonly claimId: string;
  readonly repId: string;
  readonly category: ExpenseCategory;
  readonly amount: NonNegativeMoney;
  readonly incurredOn: DateOnly;
  readonly opportunityId: string | null;
  readonly customerId: string | null;
  readonly status: ExpenseClaimStatus;
}

/** An expense claim stream's state: nothing yet, or a submitted claim. */
export type ExpenseClaimState =
  { readonly status: 'none' } | ({ readonly submitted: true } & ExpenseClaimProfile);

/** The state of a stream with no events. */
export const initialExpenseClaimState: ExpenseClaimState = { status: 'none' };

const to = (state: ExpenseClaimState, status: ExpenseClaimStatus): ExpenseClaimState =>
  'submitted' in state ? { ...state, status } : state;

/** Folds one event into a claim's state. */
export const evolveExpenseClaim = (
  state: ExpenseClaimState,
  event: ExpenseClaimEvent,
): ExpenseClaimState => {
  switch (event.type) {
    case 'ExpenseClaimSubmitted': {
      const { data } = event;
      return {
        submitted: true,
        claimId: data.claimId,
        repId: data.repId,
        category: data.category,
        amount: data.amount,
        incurredOn: data.incurredOn,
        opportunityId: data.opportunityId ?? null,
        customerId: data.customerId ?? null,
        status: 'submitted',
      };
    }
    case 'ExpenseClaimApproved':
      return to(state, 'approved');
    case 'ExpenseClaimRejected':
      return to(state, 'rejected');
    case 'ExpenseClaimReimbursed':
      return to(state, 'reimbursed');
  }
};
