import * as E from 'fp-ts/lib/Either.js';
import { deciderSpec } from '@clientele/eventstore/testing';
import { describe, it } from 'vitest';
import type { CommissionEvent } from './events.js';
import type { CommissionPlan } from './plan.js';
import { CommissionCommand } from './commands.js';
import { commissionDecider } from './decide.js';

const spec = deciderSpec(commissionDecider);
const repId = 'rep-1';
const eur = (amountMinor: number) => ({ amountMinor, currency: 'EUR' }) as never;
const command = (input: Record<string, unknown>): CommissionCommand => {
  const decoded = CommissionCommand.decode({ repId, ...input });
  if (E.isLeft(decoded)) throw new Error(`invalid command ${JSON.stringify(input)}`);
  return decoded.right;
};
const marginal = {
  planId: 'tiers-2026',
  base: 'collected',
  currency: 'EUR',
  leaverRule: 'keep',
  rate: {
    kind: 'tiered_marginal',
    tiers: [
      { fromAttainmentBps: 0, rateBps: 200 },
      { fromAttainmentBps: 5_000, rateBps: 500 },
      { fromAttainmentBps: 10_000, rateBps: 800 },
    ],
  },
} as unknown as CommissionPlan;
const assigned: CommissionEvent = {
  type: 'CommissionPlanAssigned',
  data: { repId, period: '2026-Q1', plan: marginal, target: eur(10_000_000) },
};
const collected = (
  causeEventId: string,
  amountMinor: number,
  countsOn = '2026-02-10',
): CommissionEvent => ({
  type: 'CommissionBaseRecorded',
  data: {
    repId,
    causeEventId,
    base: 'collected',
    amount: eur(amountMinor),
    countsOn: countsOn as never,
    invoiceId: 'invoice-1',
  },
});
const posted = (
  type: 'CommissionAccrued' | 'CommissionClawedBack',
  amountMinor: number,
  entitlementMinor: number,
  causeEventId: string | null,
): CommissionEvent => ({
  type,
  data: {
    repId,
    period: '2026-Q1',
    amount: eur(amountMinor),
    causeEventId,
    entitlement: eur(entitlementMinor),
  },
});
const collect = (causeEventId: string, amountMinor: number, collectedOn = '2026-02-10') =>
  command({
    kind: 'RecordCollection',
    causeEventId,
    amount: eur(amountMinor),
    collectedOn,
    invoiceId: 'invoice-1',
  });

describe('commission ledger', () => {
  it('accrues plan(net after) − plan(net before) on a payment: 120,000 after 100,000 adds 1,600.00 at 8 %', () => {
    spec
      .given([
        assigned,
        collected('pay-1', 10_000_000),
        posted('CommissionAccrued', 350_000, 350_000, 'pay-1'),
      ])
      .when(collect('pay-2', 2_000_000))
      .then([
        collected('pay-2', 2_000_000),
        posted('CommissionAccrued', 160_000, 510_000, 'pay-2'),
      ]);
  });

  it('claws back at the rates of the tiers a refund falls back through: 30,000 refunded takes 2,100.00', () => {
    spec
      .given([
        assigned,
        collected('pay-1', 12_000_000),
        posted('CommissionAccrued', 510_000, 510_000, 'pay-1'),
      ])
      .when(collect('refund-1', -3_000_000))
      .then([
        collected('refund-1', -3_000_000),
        posted('CommissionClawedBack', 210_000, 300_000, 'refund-1'),
      ]);
  });

  it('counts an event once however often it is delivered', () => {
    spec
      .given([assigned, collected('pay-1', 100)])
      .when(collect('pay-1', 100))
      .then([]);
  });

  it('keeps collections outside any planned period as base, and accrues them when a plan arrives', () => {
    spec
      .given([])
      .when(collect('pay-1', 1_000_000))
      .then([collected('pay-1', 1_000_000)]);
    spec
      .given([collected('pay-1', 1_000_000)])
      .when(
        command({
          kind: 'AssignCommissionPlan',
          period: '2026-Q1',
          plan: marginal,
          target: eur(10_000_000),
        }),
      )
      .then([assigned, posted('CommissionAccrued', 20_000, 20_000, null)]);
  });

  it('moves tier thresholds with an adjusted target and posts the difference', () => {
    // 120,000 against a target of 150,000: 75,000 × 2 % + 45,000 × 5 % = 1,500 + 2,250 = 3,750.00.
    spec
      .given([
        assigned,
        collected('pay-1', 12_000_000),
        posted('CommissionAccrued', 510_000, 510_000, 'pay-1'),
      ])
      .when(command({ kind: 'AdjustCommissionTarget', period: '2026-Q1', target: eur(15_000_000) }))
      .then([
        {
          type: 'CommissionTargetAdjusted',
          data: {
            repId,
            period: '2026-Q1',
            target: eur(15_000_000),
            previousTarget: eur(10_000_000),
          },
        },
        posted('CommissionClawedBack', 135_000, 375_000, null),
      ]);
  });

  it('refuses overlapping periods and a tiered plan without a target', () => {
    spec
      .given([assigned])
      .when(
        command({
          kind: 'AssignCommissionPlan',
          period: '2026-03',
          plan: marginal,
          target: eur(1),
        }),
      )
      .thenFails({ kind: 'PeriodOverlaps', period: '2026-03', assigned: '2026-Q1' });
    spec
      .given([])
      .when(
        command({
          kind: 'AssignCommissionPlan',
          period: '2026-04',
          plan: marginal,
          target: eur(0),
        }),
      )
      .thenFails({ kind: 'PlanNeedsTarget', period: '2026-04' });
  });

  it('books a won deal once and takes exactly that booking back when the deal is reopened', () => {
    const booked = {
      ...marginal,
      base: 'booked',
      rate: { kind: 'flat', rateBps: 300 },
    } as unknown as CommissionPlan;
    const plan: CommissionEvent = {
      type: 'CommissionPlanAssigned',
      data: { repId, period: '2026-03', plan: booked, target: eur(0) },
    };
    const booking: CommissionEvent = {
      type: 'CommissionBaseRecorded',
      data: {
        repId,
        causeEventId: 'won-1',
        base: 'booked',
        amount: eur(500_000),
        countsOn: '2026-03-20' as never,
        opportunityId: 'deal-1',
      },
    };
    const accrual: CommissionEvent = {
      type: 'CommissionAccrued',
      data: {
        repId,
        period: '2026-03',
        amount: eur(15_000),
        causeEventId: 'won-1',
        entitlement: eur(15_000),
      },
    };
    spec
      .given([plan])
      .when(
        command({
          kind: 'RecordBooking',
          causeEventId: 'won-1',
          opportunityId: 'deal-1',
          amount: eur(500_000),
          bookedOn: '2026-03-20',
        }),
      )
      .then([booking, accrual]);
    spec
      .given([plan, booking, accrual])
      .when(
        command({ kind: 'ReverseBooking', causeEventId: 'reopened-1', opportunityId: 'deal-1' }),
      )
      .then([
        {
          type: 'CommissionBaseRecorded',
          data: {
            repId,
            causeEventId: 'reopened-1',
            base: 'booked',
            amount: eur(-500_000),
            countsOn: '2026-03-20' as never,
            opportunityId: 'deal-1',
          },
        },
        {
          type: 'CommissionClawedBack',
          data: {
            repId,
            period: '2026-03',
            amount: eur(15_000),
            causeEventId: 'reopened-1',
            entitlement: eur(0),
          },
        },
      ]);
  });

  it('settles what is owed less what earlier settlements approved', () => {
    spec
      .given([
        assigned,
        collected('pay-1', 12_000_000),
        posted('CommissionAccrued', 510_000, 510_000, 'pay-1'),
      ])
      .when(command({ kind: 'SettleCommission', settlementId: 's-1', settledOn: '2026-04-05' }))
      .then([
        {
          type: 'CommissionSettled',
          data: {
            repId,
            settlementId: 's-1',
            settledOn: '2026-04-05' as never,
            entitlement: eur(510_000),
            previouslySettled: eur(0),
            payable: eur(510_000),
            debt: eur(0),
          },
        },
      ]);
  });

  it('turns a clawback after settlement into a debt netted in the next settlement', () => {
    const settled: CommissionEvent = {
      type: 'CommissionSettled',
      data: {
        repId,
        settlementId: 's-1',
        settledOn: '2026-04-05' as never,
        entitlement: eur(510_000),
        previouslySettled: eur(0),
        payable: eur(510_000),
        debt: eur(0),
      },
    };
    const history = [
      assigned,
      collected('pay-1', 12_000_000),
      posted('CommissionAccrued', 510_000, 510_000, 'pay-1'),
      settled,
      collected('refund-1', -3_000_000),
      posted('CommissionClawedBack', 210_000, 300_000, 'refund-1'),
    ];
    // Owed 3,000.00, approved 5,100.00 already: nothing payable, 2,100.00 of debt.
    spec
      .given(history)
      .when(command({ kind: 'SettleCommission', settlementId: 's-2', settledOn: '2026-05-05' }))
      .then([
        {
          type: 'CommissionSettled',
          data: {
            repId,
            settlementId: 's-2',
            settledOn: '2026-05-05' as never,
            entitlement: eur(300_000),
            previouslySettled: eur(510_000),
            payable: eur(0),
            debt: eur(210_000),
          },
        },
      ]);
    // A later payment of 40,000.00 lifts the net to 130,000.00 and what is owed to 5,900.00; the
    // next settlement pays only the 800.00 above the 5,100.00 already approved: the debt is netted.
    spec
      .given([
        ...history,
        collected('pay-2', 4_000_000),
        posted('CommissionAccrued', 290_000, 590_000, 'pay-2'),
      ])
      .when(command({ kind: 'SettleCommission', settlementId: 's-3', settledOn: '2026-06-05' }))
      .then([
        {
          type: 'CommissionSettled',
          data: {
            repId,
            settlementId: 's-3',
            settledOn: '2026-06-05' as never,
            entitlement: eur(590_000),
            previouslySettled: eur(510_000),
            payable: eur(80_000),
            debt: eur(0),
          },
        },
      ]);
  });

  it('pays an approved settlement once, at the approved amount', () => {
    const settled: CommissionEvent = {
      type: 'CommissionSettled',
      data: {
        repId,
        settlementId: 's-1',
        settledOn: '2026-04-05' as never,
        entitlement: eur(100),
        previouslySettled: eur(0),
        payable: eur(100),
        debt: eur(0),
      },
    };
    const pay = command({
      kind: 'PayCommissionSettlement',
      settlementId: 's-1',
      paidOn: '2026-04-30',
    });
    const paid: CommissionEvent = {
      type: 'CommissionSettlementPaid',
      data: { repId, settlementId: 's-1', paidOn: '2026-04-30' as never, amount: eur(100) },
    };
    spec.given([assigned, settled]).when(pay).then([paid]);
    spec.given([assigned, settled, paid]).when(pay).then([]);
  });

  it('never changes a settlement: settling again under its id after new accruals changes nothing', () => {
    const settled: CommissionEvent = {
      type: 'CommissionSettled',
      data: {
        repId,
        settlementId: 's-1',
        settledOn: '2026-04-05' as never,
        entitlement: eur(100),
        previouslySettled: eur(0),
        payable: eur(100),
        debt: eur(0),
      },
    };
    spec
      .given([
        assigned,
        settled,
        collected('pay-9', 5_000_000),
        posted('CommissionAccrued', 150_000, 150_000, 'pay-9'),
      ])
      .when(command({ kind: 'SettleCommission', settlementId: 's-1', settledOn: '2026-05-05' }))
      .then([]);
  });
});
