import * as E from 'fp-ts/lib/Either.js';
import type { QuoteCommand } from './commands.js';
import type { QuoteError } from './errors.js';
import type { QuoteEvent } from './events.js';
import type { QuoteProfile } from './state.js';
import { currentVersion } from './state.js';

/**
 * The discount approval workflow: only a pending request can be approved or refused; the
 * requester may not decide their own request, and an approver's limit must cover the discount.
 */
export const decideApproval = (
  command: Extract<QuoteCommand, { kind: 'ApproveQuoteDiscount' | 'RejectQuoteDiscount' }>,
  quote: QuoteProfile,
): E.Either<QuoteError, readonly QuoteEvent[]> => {
  const { quoteId } = quote;
  const version = currentVersion(quote).version as never;
  if (quote.approval !== 'pending') return E.left({ kind: 'NoDiscountApprovalPending', quoteId });
  if (command.approverId === quote.approvalRequestedBy) {
    return E.left({ kind: 'SelfApprovalNotAllowed', approverId: command.approverId });
  }
  if (command.kind === 'RejectQuoteDiscount') {
    const reason = command.reason === undefined ? {} : { reason: command.reason };
    return E.right([
      {
        type: 'QuoteDiscountRejected',
        data: { quoteId, version, rejectedBy: command.approverId, ...reason },
      },
    ]);
  }
  if (command.approverLimitBps < quote.discountBps) {
    return E.left({
      kind: 'ApproverLimitTooLow',
      approverId: command.approverId,
      limitBps: command.approverLimitBps,
      discountBps: quote.discountBps,
    });
  }
  const note = command.note === undefined ? {} : { note: command.note };
  return E.right([
    {
      type: 'QuoteDiscountApproved',
      data: { quoteId, version, approvedBy: command.approverId, ...note },
    },
  ]);
};
