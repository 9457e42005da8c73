import fc from 'fast-check';
import { describe, it } from 'vitest';
import { assertReplayDeterminism, startingWith } from '../testing/replayProperty.js';
import type { ExpenseClaimCommand } from './commands.js';
import { expenseClaimDecider } from './decide.js';
import { ExpenseClaimEvent } from './events.js';
import { ExpenseClaimStateCodec } from './stateCodec.js';

const submit = fc
  .record({
    category: fc.constantFrom('travel', 'entertainment', 'samples', 'other'),
    amountMinor: fc.integer({ min: 1, max: 200_000 }),
    linked: fc.constantFrom('deal', 'customer'),
  })
  .map(
    ({ category, amountMinor, linked }) =>
      ({
        kind: 'SubmitExpenseClaim',
        claimId: 'x',
        repId: 'rep-1',
        category,
        amount: { amountMinor, currency: 'EUR' },
        incurredOn: '2026-03-02',
        description: 'Visit',
        receipts: [
          {
            receiptId: 'r-1',
            amount: { amountMinor, currency: 'EUR' },
            fileName: 'ticket.pdf',
            mediaType: 'application/pdf',
          },
        ],
        ...(linked === 'deal' ? { opportunityId: 'opp-1' } : {}),
        ...(linked === 'customer' ? { customerId: 'cus-1' } : {}),
      }) as unknown as ExpenseClaimCommand,
  );
const approver = fc.constantFrom('mgr-1', 'mgr-1', 'rep-1');
const following: fc.Arbitrary<ExpenseClaimCommand> = fc.oneof(
  approver.map(
    (approverId) =>
      ({
        kind: 'ApproveExpenseClaim',
        claimId: 'x',
        approverId,
        approvedOn: '2026-03-03',
      }) as unknown as ExpenseClaimCommand,
  ),
  approver.map(
    (approverId) =>
      ({
        kind: 'RejectExpenseClaim',
        claimId: 'x',
        approverId,
        rejectedOn: '2026-03-03',
        reason: 'no receipt',
      }) as unknown as ExpenseClaimCommand,
  ),
  fc.constant({
    kind: 'ReimburseExpenseClaim',
    claimId: 'x',
    reimbursedOn: '2026-03-05',
    paymentReference: 'EXP-1',
  } as unknown as ExpenseClaimCommand),
);

describe('expense claim properties', () => {
  it('a snapshot taken anywhere in a claim history, plus the events after it, equals the full replay', () => {
    assertReplayDeterminism(
      expenseClaimDecider,
      ExpenseClaimEvent,
      startingWith(submit, following, { minLength: 2, maxLength: 8 }),
      {
        // 300 runs, floors well under the generator's rates (about a quarter of histories reach
        // each): at 0.2 of 100 runs a seed fell under the floor by chance.
        numRuns: 300,
        minEvents: 2,
        minExploringShare: 0.6,
        mustReach: { ExpenseClaimReimbursed: 0.1, ExpenseClaimRejected: 0.1 },
        stateCodec: ExpenseClaimStateCodec,
      },
    );
  });
});
