import { permitEveryoneInTests } from '@clientele/eventstore/testing';
import * as E from 'fp-ts/lib/Either.js';
import { createInMemoryCheckpointStore, createInMemoryEventStore } from '@clientele/eventstore';
import { describe, expect, it } from 'vitest';
import { createInvoiceService } from '../invoice/invoiceService.js';
import { createOpportunityService } from '../opportunity/opportunityService.js';
import { createTargetService } from '../target/targetService.js';
import { testContext } from '../testing/commandContexts.js';
import { createCommissionService } from '../commission/commissionService.js';
import type { LeaverRule } from '../commission/plan.js';
import { createOffboardingService } from '../offboarding/offboardingService.js';
import { createCommissionAccrualReactor } from './commissionAccrualReactor.js';

const eur = (amountMinor: number) => ({ amountMinor, currency: 'EUR' });
const expectRight = (result: E.Either<unknown, unknown>): void => {
  if (E.isLeft(result)) throw new Error(JSON.stringify(result.left));
};

const setUp = async (leaverRule?: LeaverRule) => {
  const store = createInMemoryEventStore();
  const opportunities = createOpportunityService(store, { authorize: permitEveryoneInTests() });
  const invoices = createInvoiceService(store, { authorize: permitEveryoneInTests() });
  const commissions = createCommissionService(store, { authorize: permitEveryoneInTests() });
  const checkpoints = createInMemoryCheckpointStore();
  const accrual = () => createCommissionAccrualReactor({ store, checkpoints, commissions }).runner;
  expectRight(
    await commissions.handle(
      {
        kind: 'AssignCommissionPlan',
        repId: 'rep-1',
        period: '2026-Q1',
        plan: {
          planId: 'flat-5',
          base: 'collected',
          currency: 'EUR',
          rate: { kind: 'flat', rateBps: 500 },
          ...(leaverRule === undefined ? {} : { leaverRule }),
        },
        target: eur(10_000_000),
      },
      testContext(),
    ),
  );
  const win = async (opportunityId: string, ownerId = 'rep-1') => {
    expectRight(
      await opportunities.handle(
        {
          kind: 'OpenOpportunity',
          opportunityId,
          name: 'Rollout',
          ownerId,
          amount: eur(1_000_000),
          expectedCloseOn: '2026-03-31',
        },
        testContext(),
      ),
    );
    expectRight(
      await opportunities.handle(
        { kind: 'MarkOpportunityWon', opportunityId, wonOn: '2026-02-01' },
        testContext(),
      ),
    );
  };
  const invoice = async (invoiceId: string, opportunityId: string, salesRepId = 'rep-1') => {
    expectRight(
      await invoices.handle(
        {
          kind: 'IssueInvoice',
          invoiceId,
          customerId: 'customer-1',
          currency: 'EUR',
          issuedOn: '2026-02-01',
          dueOn: '2026-03-01',
          total: eur(1_000_000),
          opportunityId,
          salesRepId,
        },
        testContext(),
      ),
    );
  };
  return { store, opportunities, invoices, commissions, checkpoints, accrual, win, invoice };
};

describe('commission accrual process manager', () => {
  it('accrues on a payment of a won deal’s invoice and claws back on its refund, in the payment’s period', async () => {
    const { invoices, commissions, accrual, win, invoice } = await setUp();
    await win('deal-1');
    await invoice('invoice-1', 'deal-1');
    expectRight(
      await invoices.handle(
        {
          kind: 'RecordPayment',
          invoiceId: 'invoice-1',
          paymentId: 'p1',
          amount: eur(600_000),
          receivedOn: '2026-02-15',
        },
        testContext(),
      ),
    );
    expectRight(
      await invoices.handle(
        {
          kind: 'RefundPayment',
          invoiceId: 'invoice-1',
          refundId: 'r1',
          paymentId: 'p1',
          amount: eur(100_000),
          refundedOn: '2026-04-02',
        },
        testContext(),
      ),
    );
    await accrual().catchUp();
    const ledger = (await commissions.load('rep-1')).periods['2026-Q1'];
    // 5 % of 6,000.00 accrued = 300.00; 5 % of the 1,000.00 refunded clawed back = 50.00.
    expect(ledger).toMatchObject({ accruedMinor: 30_000, clawedBackMinor: 5_000 });
  });

  it('pays nothing twice when the log is processed again from the start', async () => {
    const { store, invoices, commissions, win, invoice } = await setUp();
    await win('deal-1');
    await invoice('invoice-1', 'deal-1');
    expectRight(
      await invoices.handle(
        {
          kind: 'RecordPayment',
          invoiceId: 'invoice-1',
          paymentId: 'p1',
          amount: eur(600_000),
          receivedOn: '2026-02-15',
        },
        testContext(),
      ),
    );
    // Two runners with their own (empty) checkpoints: every event is delivered twice.
    for (let run = 0; run < 2; run += 1) {
      await createCommissionAccrualReactor({
        store,
        checkpoints: createInMemoryCheckpointStore(),
        commissions,
      }).runner.catchUp();
    }
    expect((await commissions.load('rep-1')).periods['2026-Q1']).toMatchObject({
      accruedMinor: 30_000,
      clawedBackMinor: 0,
    });
  });

  it('applies a forfeit plan to payments after the rep leaves, learning the departure from the log, once', async () => {
    const { store, invoices, commissions, accrual, win, invoice } = await setUp('forfeit');
    await win('deal-1');
    await invoice('invoice-1', 'deal-1');
    for (const [paymentId, amountMinor, receivedOn] of [
      ['p1', 400_000, '2026-02-10'],
      ['p2', 600_000, '2026-03-10'],
    ] as const) {
      expectRight(
        await invoices.handle(
          {
            kind: 'RecordPayment',
            invoiceId: 'invoice-1',
            paymentId,
            amount: eur(amountMinor),
            receivedOn,
          },
          testContext(),
        ),
      );
    }
    // The payment after leaving is in the log before the offboarding: the ledger reposts then.
    await accrual().catchUp();
    const offboarding = createOffboardingService(store, { authorize: permitEveryoneInTests() });
    expectRight(
      await offboarding.handle(
        {
          kind: 'OffboardRep',
          repId: 'rep-1',
          organizationId: 'org',
          noticeGivenOn: '2026-02-01',
          leavesOn: '2026-03-01',
          policy: 'manager',
          successors: ['rep-2'],
        },
        testContext(),
      ),
    );
    await accrual().catchUp();
    await createCommissionAccrualReactor({
      store,
      checkpoints: createInMemoryCheckpointStore(),
      commissions,
    }).runner.catchUp();
    // 5 % of 4,000.00 is kept; the 300.00 on 6,000.00 collected after leaving is withheld.
    const state = await commissions.load('rep-1');
    expect(state.departure).toEqual({ leavesOn: '2026-03-01' });
    expect(state.periods['2026-Q1']).toMatchObject({
      accruedMinor: 50_000,
      clawedBackMinor: 30_000,
      withheldMinor: 30_000,
    });
  });

  it('ignores payments on invoices of deals that are not won', async () => {
    const { opportunities, invoices, commissions, accrual, invoice } = await setUp();
    expectRight(
      await opportunities.handle(
        {
          kind: 'OpenOpportunity',
          opportunityId: 'deal-2',
          name: 'Pilot',
          ownerId: 'rep-1',
          amount: eur(1_000_000),
          expectedCloseOn: '2026-03-31',
        },
        testContext(),
      ),
    );
    await invoice('invoice-2', 'deal-2');
    expectRight(
      await invoices.handle(
        {
          kind: 'RecordPayment',
          invoiceId: 'invoice-2',
          paymentId: 'p1',
          amount: eur(600_000),
          receivedOn: '2026-02-15',
        },
        testContext(),
      ),
    );
    await accrual().catchUp();
    expect((await commissions.load('rep-1')).periods['2026-Q1']).toMatchObject({ accruedMinor: 0 });
  });

  it('accrues on the deal being won for booked-won plans and claws back when it is reopened', async () => {
    const { opportunities, commissions, accrual, win } = await setUp();
    expectRight(
      await commissions.handle(
        {
          kind: 'AssignCommissionPlan',
          repId: 'rep-2',
          period: '2026-Q1',
          plan: {
            planId: 'booked-3',
            base: 'booked',
            currency: 'EUR',
            rate: { kind: 'flat', rateBps: 300 },
          },
          target: eur(0),
        },
        testContext(),
      ),
    );
    await win('deal-3', 'rep-2');
    await accrual().catchUp();
    // 3 % of the 10,000.00 booked on 2026-02-01 = 300.00.
    expect((await commissions.load('rep-2')).periods['2026-Q1']).toMatchObject({
      accruedMinor: 30_000,
    });
    expectRight(
      await opportunities.handle(
        { kind: 'ReopenOpportunity', opportunityId: 'deal-3' },
        testContext(),
      ),
    );
    await accrual().catchUp();
    expect((await commissions.load('rep-2')).periods['2026-Q1']).toMatchObject({
      accruedMinor: 30_000,
      clawedBackMinor: 30_000,
    });
  });

  it('moves the plan’s target when the rep’s target is approved or adjusted', async () => {
    const { store, commissions, accrual } = await setUp();
    const targets = createTargetService(store, { authorize: permitEveryoneInTests() });
    const targetId = 'rep-1-2026-Q1';
    const declare = {
      kind: 'DeclareTarget',
      targetId,
      ownerKind: 'rep',
      ownerId: 'rep-1',
      period: '2026-Q1',
      amount: eur(12_000_000),
    };
    expectRight(await targets.handle(declare, testContext()));
    expectRight(
      await targets.handle(
        { kind: 'ApproveTarget', targetId, approvedBy: 'manager-1' },
        testContext(),
      ),
    );
    await accrual().catchUp();
    expect((await commissions.load('rep-1')).periods['2026-Q1']?.targetMinor).toBe(12_000_000);
    expectRight(
      await targets.handle(
        {
          kind: 'AdjustTarget',
          targetId,
          amount: eur(15_000_000),
          adjustedBy: 'manager-1',
          reason: 'bigger territory',
        },
        testContext(),
      ),
    );
    await accrual().catchUp();
    expect((await commissions.load('rep-1')).periods['2026-Q1']?.targetMinor).toBe(15_000_000);
  });

  it('claws back a booked-won commission when the deal’s invoice is cancelled', async () => {
    const { invoices, commissions, accrual, win, invoice } = await setUp();
    expectRight(
      await commissions.handle(
        {
          kind: 'AssignCommissionPlan',
          repId: 'rep-2',
          period: '2026-Q1',
          plan: {
            planId: 'booked',
            base: 'booked',
            currency: 'EUR',
            rate: { kind: 'flat', rateBps: 300 },
          },
          target: eur(0),
        },
        testContext(),
      ),
    );
    await win('deal-4', 'rep-2');
    await invoice('invoice-4', 'deal-4', 'rep-2');
    await accrual().catchUp();
    expect((await commissions.load('rep-2')).periods['2026-Q1']).toMatchObject({
      accruedMinor: 30_000,
    });
    expectRight(
      await invoices.handle(
        {
          kind: 'CancelInvoice',
          invoiceId: 'invoice-4',
          reason: 'deal fell through',
          cancelledOn: '2026-02-20',
        },
        testContext(),
      ),
    );
    await accrual().catchUp();
    expect((await commissions.load('rep-2')).periods['2026-Q1']).toMatchObject({
      accruedMinor: 30_000,
      clawedBackMinor: 30_000,
    });
  });
});
