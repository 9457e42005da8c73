import * as E from 'fp-ts/lib/Either.js';
import type { Decider } from '@clientele/eventstore';
import type { ExpenseClaimCommand } from './commands.js';
import type { ExpenseClaimError } from './errors.js';
import type { ExpenseClaimEvent } from './events.js';
import type { ExpenseClaimProfile, ExpenseClaimState, ExpenseClaimStatus } from './state.js';
import { evolveExpenseClaim, initialExpenseClaimState } from './state.js';

type Decision = E.Either<ExpenseClaimError, readonly ExpenseClaimEvent[]>;
type Command<K extends ExpenseClaimCommand['kind']> = Extract<ExpenseClaimCommand, { kind: K }>;

const submit = (command: Command<'SubmitExpenseClaim'>, state: ExpenseClaimState): Decision => {
  const { claimId, amount, receipts } = command;
  if ('submitted' in state) return E.left({ kind: 'ExpenseClaimAlreadySubmitted', claimId });
  if (command.opportunityId === undefined && command.customerId === undefined) {
    return E.left({ kind: 'ExpenseClaimUnlinked', claimId });
  }
  if (amount.amountMinor === 0) return E.left({ kind: 'ExpenseAmountZero', claimId });
  if (receipts.length === 0) return E.left({ kind: 'ExpenseClaimWithoutReceipt', claimId });
  const inCurrency = receipts.filter((receipt) => receipt.amount.currency === amount.currency);
  const receipted = inCurrency.reduce((sum, receipt) => sum + receipt.amount.amountMinor, 0);
  if (inCurrency.length !== receipts.length || receipted !== amount.amountMinor) {
    return E.left({
      kind: 'ReceiptsDoNotMatchClaim',
      claimId,
      claimed: amount.amountMinor,
      receipted,
    });
  }
  const { kind: _, ...claim } = command;
  return E.right([{ type: 'ExpenseClaimSubmitted', data: claim }]);
};

const inStatus = (
  claim: ExpenseClaimProfile,
  status: ExpenseClaimStatus,
): E.Either<ExpenseClaimError, void> =>
  claim.status === status
    ? E.right(undefined)
    : E.left({ kind: 'ExpenseClaimNotInStatus', claimId: claim.claimId, status: claim.status });

const review = (
  command: Command<'ApproveExpenseClaim' | 'RejectExpenseClaim'>,
  claim: ExpenseClaimProfile,
): Decision => {
  const { claimId } = claim;
  if (command.kind === 'ApproveExpenseClaim' && claim.status === 'approved') return E.right([]);
  if (command.kind === 'RejectExpenseClaim' && claim.status === 'rejected') return E.right([]);
  const submitted = inStatus(claim, 'submitted');
  if (E.isLeft(submitted)) return submitted;
  if (command.approverId === claim.repId)
    return E.left({ kind: 'SelfApprovalNotAllowed', approverId: command.approverId });
  return E.right([
    command.kind === 'ApproveExpenseClaim'
      ? {
          type: 'ExpenseClaimApproved',
          data: { claimId, approvedBy: command.approverId, approvedOn: command.approvedOn },
        }
      : {
          type: 'ExpenseClaimRejected',
          data: {
            claimId,
            rejectedBy: command.approverId,
            rejectedOn: command.rejectedOn,
            reason: command.reason,
          },
        },
  ]);
};

const reimburse = (
  command: Command<'ReimburseExpenseClaim'>,
  claim: ExpenseClaimProfile,
): Decision => {
  if (claim.status === 'reimbursed') return E.right([]);
  const approved = inStatus(claim, 'approved');
  if (E.isLeft(approved)) return approved;
  const { kind: _, ...payment } = command;
  return E.right([{ type: 'ExpenseClaimReimbursed', data: payment }]);
};

const decide = (command: ExpenseClaimCommand, state: ExpenseClaimState): Decision => {
  if (command.kind === 'SubmitExpenseClaim') return submit(command, state);
  if (!('submitted' in state))
    return E.left({ kind: 'ExpenseClaimNotFound', claimId: command.claimId });
  return command.kind === 'ReimburseExpenseClaim'
    ? reimburse(command, state)
    : review(command, state);
};

/**
 * The ExpenseClaim aggregate: a rep's sales expense (travel, entertainment, samples, other),
 * linked to a deal or a customer, with receipts that show its amount; approved or refused by
 * someone other than the rep, and reimbursed once approved.
 */
export const expenseClaimDecider: Decider<
  ExpenseClaimCommand,
  ExpenseClaimEvent,
  ExpenseClaimState,
  ExpenseClaimError
> = { initialState: initialExpenseClaimState, decide, evolve: evolveExpenseClaim };
