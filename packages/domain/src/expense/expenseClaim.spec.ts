import { deciderSpec } from '@clientele/eventstore/testing';
import { describe, it } from 'vitest';
import type { ExpenseClaimCommand } from './commands.js';
import { expenseClaimDecider } from './decide.js';
import type { ExpenseClaimEvent } from './events.js';

const spec = deciderSpec(expenseClaimDecider);
const claimId = 'ex-1';
const eur = (amountMinor: number) => ({ amountMinor, currency: 'EUR' }) as never;
const receipt = (amountMinor: number, currency = 'EUR') => ({
  receiptId: 'r1',
  fileName: 'taxi.pdf' as never,
  mediaType: 'application/pdf' as never,
  amount: { amountMinor, currency } as never,
});
const claim = {
  claimId,
  repId: 'rep-1',
  category: 'travel' as const,
  amount: eur(4_500),
  incurredOn: '2026-03-04' as never,
  description: 'Taxi to the client' as never,
  receipts: [receipt(4_500)],
  opportunityId: 'opp-1',
};
const submit = (extra: object = {}): ExpenseClaimCommand => ({
  kind: 'SubmitExpenseClaim',
  ...claim,
  ...extra,
});
const submitted: ExpenseClaimEvent = { type: 'ExpenseClaimSubmitted', data: claim };
const approved: ExpenseClaimEvent = {
  type: 'ExpenseClaimApproved',
  data: { claimId, approvedBy: 'mgr-1', approvedOn: '2026-03-06' as never },
};
const approve = (approverId: string): ExpenseClaimCommand => ({
  kind: 'ApproveExpenseClaim',
  claimId,
  approverId,
  approvedOn: '2026-03-06' as never,
});
const reimburse: ExpenseClaimCommand = {
  kind: 'ReimburseExpenseClaim',
  claimId,
  reimbursedOn: '2026-03-31' as never,
  paymentReference: 'PAY-77',
};

describe('expense claim', () => {
  it('records a claim linked to a deal, with its receipts and currency', () => {
    spec.given([]).when(submit()).then([submitted]);
  });

  it('refuses a claim linked to neither a deal nor a customer', () => {
    spec
      .given([])
      .when(submit({ opportunityId: undefined }))
      .thenFails({ kind: 'ExpenseClaimUnlinked', claimId });
  });

  it('refuses a claim without a receipt', () => {
    spec
      .given([])
      .when(submit({ receipts: [] }))
      .thenFails({ kind: 'ExpenseClaimWithoutReceipt', claimId });
  });

  it('refuses receipts that do not show the claimed amount in the claim currency', () => {
    spec
      .given([])
      .when(submit({ receipts: [receipt(4_000)] }))
      .thenFails({ kind: 'ReceiptsDoNotMatchClaim', claimId, claimed: 4_500, receipted: 4_000 });
    spec
      .given([])
      .when(submit({ receipts: [receipt(4_500, 'USD')] }))
      .thenFails({ kind: 'ReceiptsDoNotMatchClaim', claimId, claimed: 4_500, receipted: 0 });
  });

  it('records who approved a claim, and refuses an approval by the rep who claimed', () => {
    spec.given([submitted]).when(approve('mgr-1')).then([approved]);
    spec
      .given([submitted])
      .when(approve('rep-1'))
      .thenFails({ kind: 'SelfApprovalNotAllowed', approverId: 'rep-1' });
  });

  it('records who refused a claim and why', () => {
    spec
      .given([submitted])
      .when({
        kind: 'RejectExpenseClaim',
        claimId,
        approverId: 'mgr-1',
        rejectedOn: '2026-03-06' as never,
        reason: 'personal trip',
      })
      .then([
        {
          type: 'ExpenseClaimRejected',
          data: {
            claimId,
            rejectedBy: 'mgr-1',
            rejectedOn: '2026-03-06' as never,
            reason: 'personal trip',
          },
        },
      ]);
  });

  it('reimburses only an approved claim, once', () => {
    spec
      .given([submitted])
      .when(reimburse)
      .thenFails({ kind: 'ExpenseClaimNotInStatus', claimId, status: 'submitted' });
    const reimbursed: ExpenseClaimEvent = {
      type: 'ExpenseClaimReimbursed',
      data: { claimId, reimbursedOn: '2026-03-31' as never, paymentReference: 'PAY-77' },
    };
    spec.given([submitted, approved]).when(reimburse).then([reimbursed]);
    spec.given([submitted, approved, reimbursed]).when(reimburse).then([]);
  });
});
