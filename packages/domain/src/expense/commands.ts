import * as t from 'io-ts';
import { commandCodecFor } from '../shared/commandCodec.js';
import { NonEmptyText } from '../shared/contact.js';
import { DateOnly } from '../shared/dates.js';
import { NonNegativeMoney } from '../shared/money.js';
import { ExpenseCategory, ReceiptMetadata } from './values.js';

const command = commandCodecFor('claimId');

/** A rep claims a sales expense, linked to a deal or a customer, with its receipts. */
export const SubmitExpenseClaim = command(
  'SubmitExpenseClaim',
  {
    repId: t.string,
    category: ExpenseCategory,
    amount: NonNegativeMoney,
    incurredOn: DateOnly,
    description: NonEmptyText,
    receipts: t.readonlyArray(ReceiptMetadata),
  },
  { opportunityId: t.string, customerId: t.string },
);
/** Approve a claim; the entry point records the approver, the actor. */
export const ApproveExpenseClaim = command(
  'ApproveExpenseClaim',
  { approverId: t.string, approvedOn: DateOnly },
  {},
);
/** Refuse a claim, saying why; the entry point records the approver, the actor. */
export const RejectExpenseClaim = command(
  'RejectExpenseClaim',
  { approverId: t.string, rejectedOn: DateOnly, reason: NonEmptyText },
  {},
);
/** Pay an approved claim back to the rep. */
export const ReimburseExpenseClaim = command(
  'ReimburseExpenseClaim',
  { reimbursedOn: DateOnly, paymentReference: NonEmptyText },
  {},
);

/** Every command of the ExpenseClaim aggregate. */
export const ExpenseClaimCommand = t.union(
  [SubmitExpenseClaim, ApproveExpenseClaim, RejectExpenseClaim, ReimburseExpenseClaim],
  'ExpenseClaimCommand',
);
/** Every command of the ExpenseClaim aggregate. */
export type ExpenseClaimCommand = t.TypeOf<typeof ExpenseClaimCommand>;
/** An ExpenseClaim command as code writes it, in plain strings and numbers. */
export type ExpenseClaimCommandInput = t.OutputOf<typeof ExpenseClaimCommand>;
