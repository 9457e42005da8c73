import * as t from 'io-ts';
import { DateOnly } from '../shared/dates.js';
import { eventCodec } from '../shared/eventCodec.js';
import { NonNegativeMoney } from '../shared/money.js';
import { ExpenseCategory, ReceiptMetadata } from './values.js';

/** A rep claimed a sales expense. */
export const ExpenseClaimSubmitted = eventCodec(
  'ExpenseClaimSubmitted',
  t.intersection([
    t.type({
      claimId: t.string,
      repId: t.string,
      category: ExpenseCategory,
      amount: NonNegativeMoney,
      incurredOn: DateOnly,
      description: t.string,
      receipts: t.readonlyArray(ReceiptMetadata),
    }),
    t.partial({ opportunityId: t.string, customerId: t.string }),
  ]),
);
/** The claim was approved, by `approvedBy`. */
export const ExpenseClaimApproved = eventCodec(
  'ExpenseClaimApproved',
  t.type({ claimId: t.string, approvedBy: t.string, approvedOn: DateOnly }),
);
/** The claim was refused, by `rejectedBy`. */
export const ExpenseClaimRejected = eventCodec(
  'ExpenseClaimRejected',
  t.type({ claimId: t.string, rejectedBy: t.string, rejectedOn: DateOnly, reason: t.string }),
);
/** The approved claim was paid back to the rep. */
export const ExpenseClaimReimbursed = eventCodec(
  'ExpenseClaimReimbursed',
  t.type({ claimId: t.string, reimbursedOn: DateOnly, paymentReference: t.string }),
);

/** Every event of an ExpenseClaim stream. */
export const ExpenseClaimEvent = t.union(
  [ExpenseClaimSubmitted, ExpenseClaimApproved, ExpenseClaimRejected, ExpenseClaimReimbursed],
  'ExpenseClaimEvent',
);
/** Every event of an ExpenseClaim stream. */
export type ExpenseClaimEvent = t.TypeOf<typeof ExpenseClaimEvent>;
