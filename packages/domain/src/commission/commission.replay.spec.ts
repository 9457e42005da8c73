import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CommissionCommand } from './commands.js';
import type { CommissionEvent as CommissionEventType } from './events.js';
import type { CommissionState } from './state.js';
import type { AcceptedDecision } from '../testing/replayProperty.js';
import { assertReplayDeterminism, startingWith } from '../testing/replayProperty.js';
import { commissionDecider } from './decide.js';
import { CommissionEvent } from './events.js';
import { entitlementIfKept, periodEntitlement } from './entitlement.js';

const repId = 'rep-1';
const eur = (amountMinor: number) => ({ amountMinor, currency: 'EUR' });
const day = fc
  .tuple(fc.constantFrom('01', '02', '03', '05'), fc.integer({ min: 1, max: 28 }))
  .map(([month, d]) => `2026-${month}-${String(d).padStart(2, '0')}`);
const planShape = fc.constantFrom(
  { planId: 'flat', base: 'collected', currency: 'EUR', rate: { kind: 'flat', rateBps: 500 } },
  {
    planId: 'tiers',
    base: 'booked',
    currency: 'EUR',
    rate: {
      kind: 'tiered_marginal',
      tiers: [
        { fromAttainmentBps: 0, rateBps: 200 },
        { fromAttainmentBps: 10_000, rateBps: 800 },
      ],
    },
    accelerator: { aboveAttainmentBps: 12_000, multiplierBps: 15_000 },
  },
);
const plan = fc
  .tuple(planShape, fc.constantFrom(undefined, 'keep', 'prorate', 'forfeit'))
  .map(([shape, leaverRule]) => (leaverRule === undefined ? shape : { ...shape, leaverRule }));
const assignPlan = (periods: fc.Arbitrary<string>) =>
  fc.tuple(periods, plan, fc.integer({ min: 1, max: 5_000_000 })).map(([period, p, target]) => ({
    kind: 'AssignCommissionPlan',
    repId,
    period,
    plan: p,
    target: eur(target),
  })) as unknown as fc.Arbitrary<CommissionCommand>;
const command: fc.Arbitrary<CommissionCommand> = fc.oneof(
  assignPlan(fc.constantFrom('2026-Q1', '2026-05', '2026')),
  fc
    .tuple(fc.constantFrom('2026-Q1', '2026-05'), fc.integer({ min: 1, max: 5_000_000 }))
    .map(([period, target]) => ({
      kind: 'AdjustCommissionTarget',
      repId,
      period,
      target: eur(target),
    })),
  fc
    .tuple(fc.nat(10), fc.integer({ min: -500_000, max: 2_000_000 }), day)
    .map(([n, amount, collectedOn]) => ({
      kind: 'RecordCollection',
      repId,
      causeEventId: `event-${n}`,
      amount: eur(amount),
      collectedOn,
      invoiceId: 'invoice-1',
    })),
  fc
    .tuple(fc.nat(10), fc.nat(3), fc.integer({ min: 0, max: 2_000_000 }), day)
    .map(([n, deal, amount, bookedOn]) => ({
      kind: 'RecordBooking',
      repId,
      causeEventId: `won-${n}`,
      opportunityId: `deal-${deal}`,
      amount: eur(amount),
      bookedOn,
    })),
  fc.tuple(fc.nat(10), fc.nat(3)).map(([n, deal]) => ({
    kind: 'ReverseBooking',
    repId,
    causeEventId: `reopened-${n}`,
    opportunityId: `deal-${deal}`,
  })),
  fc.tuple(fc.nat(1), day).map(([n, leavesOn]) => ({
    kind: 'RecordRepDeparture',
    repId,
    causeEventId: `offboarded-${n}`,
    leavesOn,
  })),
  fc.tuple(fc.nat(5), day).map(([n, settledOn]) => ({
    kind: 'SettleCommission',
    repId,
    settlementId: `s${n}`,
    settledOn,
  })),
  fc.tuple(fc.nat(5), day).map(([n, paidOn]) => ({
    kind: 'PayCommissionSettlement',
    repId,
    settlementId: `s${n}`,
    paidOn,
  })),
) as unknown as fc.Arbitrary<CommissionCommand>;

const sumOf = (log: readonly CommissionEventType[], type: CommissionEventType['type']): number =>
  log.reduce((sum, event) => {
    if (event.type !== type) return sum;
    if ('payable' in event.data) return sum + event.data.payable.amountMinor;
    return 'amount' in event.data ? sum + event.data.amount.amountMinor : sum;
  }, 0);

/**
 * What was accrued minus what was clawed back is, in every period, exactly what the plan pays
 * on the period's base under its rule for leavers, and adding what the rule withheld gives what
 * the plan would pay had the rep stayed; settlements approve what they say; a settlement is paid once.
 */
const ledgerAddsUp = ({
  after,
  log,
}: AcceptedDecision<CommissionCommand, CommissionEventType, CommissionState>): void => {
  for (const [period, ledger] of Object.entries(after.periods)) {
    expect(ledger.accruedMinor - ledger.clawedBackMinor).toBe(periodEntitlement(after, period));
    expect(ledger.accruedMinor - ledger.clawedBackMinor + ledger.withheldMinor).toBe(
      entitlementIfKept(after, period),
    );
  }
  expect(after.settledMinor).toBe(sumOf(log, 'CommissionSettled'));
  const paid = log.flatMap((event) =>
    event.type === 'CommissionSettlementPaid' ? [event.data.settlementId] : [],
  );
  expect(new Set(paid).size).toBe(paid.length);
};

describe('commission replay', () => {
  it('replays the stored events of any command sequence to the state reached while deciding', () => {
    assertReplayDeterminism(
      commissionDecider,
      CommissionEvent,
      startingWith(assignPlan(fc.constant('2026-Q1')), command),
      {
        invariant: ledgerAddsUp,
        mustReach: {
          CommissionAccrued: 0.6,
          CommissionClawedBack: 0.25,
          CommissionSettled: 0.5,
          CommissionSettlementPaid: 0.12,
          LeaverCommissionWithheld: 0.1,
        },
      },
    );
  });
});
