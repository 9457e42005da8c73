import * as E from 'fp-ts/lib/Either.js';
import type { Actor, CommandContext } from '@clientele/eventstore';
import { foldEvents } from '@clientele/eventstore';
import { describe, expect, it } from 'vitest';
import type { ContractCommand } from '../contract/commands.js';
import { contractDecider } from '../contract/decide.js';
import type { ExpenseClaimCommand } from '../expense/commands.js';
import { expenseClaimDecider } from '../expense/decide.js';
import type { QuoteCommand } from '../quote/commands.js';
import { quoteDecider } from '../quote/decide.js';
import { approvalRequested, eur, pricedSeatLine, quoteDrafted } from '../testing/quoteFixtures.js';
import type { TeamDirectory } from './authorize.js';
import { commerceAuthorizers } from './commerceAuthorizers.js';
import type { ReadPermission } from './readScope.js';
import { readScope } from './readScope.js';
import { defaultRolePolicy } from './roles.js';

// Approving a discount, approving or reimbursing an expense and amending a contract are
// permissions of their own: the rep who owns the record does not get them with its other work.

const teams: TeamDirectory = {
  teamMembersOf: (managerId) => (managerId === 'mgr-east' ? new Set(['rep-1']) : new Set()),
};
const authorizers = commerceAuthorizers(defaultRolePolicy, teams);
const context = (id: string, role: string): CommandContext => ({
  commandId: '0194c000-0000-7000-8000-000000000001',
  actor: { id, role },
  occurredAt: '2026-03-03T09:00:00Z',
});
const rep = context('rep-1', 'sales_rep');
const manager = context('mgr-east', 'sales_manager');
const otherManager = context('mgr-west', 'sales_manager');
const finance = context('fin-1', 'finance');

const deniedPermission = (result: E.Either<{ readonly permission: string }, void>) =>
  E.isLeft(result) ? result.left.permission : 'allowed';

/** Given: rep-1's quote, whose 20 % discount waits for approval. */
const quote = foldEvents(quoteDecider, [quoteDrafted(2_000), approvalRequested]);
const approveDiscount: QuoteCommand = {
  kind: 'ApproveQuoteDiscount',
  quoteId: 'q-1',
  approverId: '',
  approverLimitBps: 0 as never,
};

/** Given: rep-1's expense claim, submitted. */
const submitted = expenseClaimDecider.decide(
  {
    kind: 'SubmitExpenseClaim',
    claimId: 'x-1',
    repId: 'rep-1',
    category: 'travel',
    amount: eur(4_500),
    incurredOn: '2026-03-02' as never,
    description: 'Train to the customer',
    receipts: [],
  },
  expenseClaimDecider.initialState,
);
const claim = foldEvents(expenseClaimDecider, E.isRight(submitted) ? submitted.right : []);
const approveClaim: ExpenseClaimCommand = {
  kind: 'ApproveExpenseClaim',
  claimId: 'x-1',
  approverId: '',
  approvedOn: '2026-03-03' as never,
};
const reimburseClaim: ExpenseClaimCommand = {
  kind: 'ReimburseExpenseClaim',
  claimId: 'x-1',
  reimbursedOn: '2026-03-04' as never,
  paymentReference: 'EXP-1',
};

/** Given: rep-1's contract, started. */
const lines = [pricedSeatLine(0)];
const totals = { net: eur(120_000), tax: eur(24_000), total: eur(144_000) };
const contract = foldEvents(contractDecider, [
  {
    type: 'ContractStarted',
    data: {
      contractId: 'ct-1',
      customerId: 'cus-1',
      ownerId: 'rep-1',
      currency: 'EUR' as never,
      terms: {
        startOn: '2026-01-31' as never,
        termMonths: 12 as never,
        autoRenew: true,
        noticeDays: 30 as never,
        billing: 'monthly' as const,
      },
      lines,
      totals,
      term: 1 as never,
      endOn: '2027-01-30' as never,
    },
  },
]);
const amend: ContractCommand = {
  kind: 'AmendContract',
  contractId: 'ct-1',
  amendedOn: '2026-06-01' as never,
  lines,
  totals,
};

describe('product-to-cash permissions', () => {
  it('a rep may not approve the discount on their own quote: the denial names Quote.ApproveQuoteDiscount', () => {
    expect('approval' in quote && quote.approval).toBe('pending');
    expect(deniedPermission(authorizers.quote(approveDiscount, quote, rep))).toBe(
      'Quote.ApproveQuoteDiscount',
    );
    expect(
      authorizers.quote({ ...approveDiscount, kind: 'SendQuote' } as never, quote, rep),
    ).toEqual(E.right(undefined));
  });

  it("a manager approves the discounts of their team's quotes, not another team's", () => {
    expect(authorizers.quote(approveDiscount, quote, manager)).toEqual(E.right(undefined));
    expect(deniedPermission(authorizers.quote(approveDiscount, quote, otherManager))).toBe(
      'Quote.ApproveQuoteDiscount',
    );
  });

  it('a rep may neither approve nor reimburse their own expense claim', () => {
    expect(deniedPermission(authorizers.expenseClaim(approveClaim, claim, rep))).toBe(
      'ExpenseClaim.ApproveExpenseClaim',
    );
    expect(deniedPermission(authorizers.expenseClaim(reimburseClaim, claim, rep))).toBe(
      'ExpenseClaim.ReimburseExpenseClaim',
    );
  });

  it("a manager approves their team's expense claims, and only finance reimburses them", () => {
    expect(authorizers.expenseClaim(approveClaim, claim, manager)).toEqual(E.right(undefined));
    expect(deniedPermission(authorizers.expenseClaim(reimburseClaim, claim, manager))).toBe(
      'ExpenseClaim.ReimburseExpenseClaim',
    );
    expect(authorizers.expenseClaim(reimburseClaim, claim, finance)).toEqual(E.right(undefined));
    expect(deniedPermission(authorizers.expenseClaim(approveClaim, claim, finance))).toBe(
      'ExpenseClaim.ApproveExpenseClaim',
    );
  });

  it("a contract is amended by its owner's manager or by finance, never by the rep", () => {
    expect(deniedPermission(authorizers.contract(amend, contract, rep))).toBe(
      'Contract.AmendContract',
    );
    expect(authorizers.contract(amend, contract, manager)).toEqual(E.right(undefined));
    expect(authorizers.contract(amend, contract, finance)).toEqual(E.right(undefined));
    expect(deniedPermission(authorizers.contract(amend, contract, otherManager))).toBe(
      'Contract.AmendContract',
    );
  });

  it.each<[ReadPermission, string, 'own' | 'team' | 'any' | 'denied']>([
    ['Quote.read', 'sales_rep', 'own'],
    ['SalesOrder.read', 'sales_rep', 'own'],
    ['Contract.read', 'sales_rep', 'own'],
    ['ExpenseClaim.read', 'sales_rep', 'own'],
    ['ExpenseClaim.read', 'sales_manager', 'team'],
    ['SalesOrder.read', 'finance', 'any'],
    ['Quote.read', 'auditor', 'any'],
    ['Quote.read', 'marketing', 'denied'],
    ['SalesOrder.read', 'support_agent', 'denied'],
  ])('reading product-to-cash records needs %s: a %s reads %s', (permission, role, reach) => {
    const actor: Actor = { id: 'someone', role };
    const scope = readScope(defaultRolePolicy, teams, actor, permission);
    if (reach === 'denied') {
      expect(scope).toEqual(E.left(expect.objectContaining({ permission, actorId: 'someone' })));
      return;
    }
    expect(E.isRight(scope) && scope.right.reach).toBe(reach);
  });
});
