import * as E from 'fp-ts/lib/Either.js';
import { deciderSpec } from '@clientele/eventstore/testing';
import { describe, it } from 'vitest';
import type { CommissionEvent } from './events.js';
import type { CommissionPlan, LeaverRule } from './plan.js';
import { CommissionCommand } from './commands.js';
import { commissionDecider } from './decide.js';

// A flat 10 % plan for 2026-Q1 (90 days). The rep leaves on 2026-02-15: they worked the 45 days
// from 1 January to 14 February, half the quarter.
const spec = deciderSpec(commissionDecider);
const repId = 'rep-1';
const LEAVES_ON = '2026-02-15';
const eur = (amountMinor: number) => ({ amountMinor, currency: 'EUR' }) as never;
const command = (input: Record<string, unknown>): CommissionCommand => {
  const decoded = CommissionCommand.decode({ repId, ...input });
  if (E.isLeft(decoded)) throw new Error(`invalid command ${JSON.stringify(input)}`);
  return decoded.right;
};
const planWith = (leaverRule: LeaverRule | undefined): CommissionPlan =>
  ({
    planId: 'flat-10',
    base: 'collected',
    currency: 'EUR',
    rate: { kind: 'flat', rateBps: 1_000 },
    ...(leaverRule === undefined ? {} : { leaverRule }),
  }) as unknown as CommissionPlan;
const assigned = (leaverRule: LeaverRule | undefined, period = '2026-Q1'): CommissionEvent => ({
  type: 'CommissionPlanAssigned',
  data: { repId, period, plan: planWith(leaverRule), target: eur(0) },
});
const departed: CommissionEvent = {
  type: 'CommissionRepDeparted',
  data: { repId, causeEventId: 'offboarded', leavesOn: LEAVES_ON as never },
};
const collected = (
  causeEventId: string,
  amountMinor: number,
  countsOn: string,
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
  [amountMinor, entitlementMinor]: readonly [number, number],
  causeEventId: string | null,
  period = '2026-Q1',
): CommissionEvent => ({
  type,
  data: {
    repId,
    period,
    amount: eur(amountMinor),
    causeEventId,
    entitlement: eur(entitlementMinor),
  },
});
const withheld = (
  rule: 'prorate' | 'forfeit',
  [amountMinor, withheldMinor]: readonly [number, number],
  causeEventId: string | null,
  share?: { daysWorked: number; daysInPeriod: number },
): CommissionEvent => ({
  type: 'LeaverCommissionWithheld',
  data: {
    repId,
    period: share?.daysInPeriod === 91 ? '2026-Q2' : '2026-Q1',
    causeEventId,
    rule,
    leavesOn: LEAVES_ON as never,
    ...share,
    amount: eur(amountMinor),
    withheld: eur(withheldMinor),
  },
});
const collect = (causeEventId: string, amountMinor: number, collectedOn: string) =>
  command({
    kind: 'RecordCollection',
    causeEventId,
    amount: eur(amountMinor),
    collectedOn,
    invoiceId: 'invoice-1',
  });
const depart = command({
  kind: 'RecordRepDeparture',
  causeEventId: 'offboarded',
  leavesOn: LEAVES_ON,
});
const HALF_OF_Q1 = { daysWorked: 45, daysInPeriod: 90 };

describe('the plan’s rule for leavers', () => {
  describe('forfeit', () => {
    it('pays a leaver in full on a collection the day before they leave', () => {
      spec
        .given([assigned('forfeit'), departed])
        .when(collect('pay-1', 1_000_000, '2026-02-14'))
        .then([
          collected('pay-1', 1_000_000, '2026-02-14'),
          posted('CommissionAccrued', [100_000, 100_000], 'pay-1'),
        ]);
    });

    it('pays nothing on a collection the day they leave, and records the 100.00 withheld', () => {
      spec
        .given([assigned('forfeit'), departed])
        .when(collect('pay-1', 1_000_000, LEAVES_ON))
        .then([
          collected('pay-1', 1_000_000, LEAVES_ON),
          withheld('forfeit', [100_000, 100_000], 'pay-1'),
        ]);
    });

    it('pays nothing on a collection after they leave, adding to what was withheld before', () => {
      spec
        .given([
          assigned('forfeit'),
          departed,
          collected('pay-1', 1_000_000, LEAVES_ON),
          withheld('forfeit', [100_000, 100_000], 'pay-1'),
        ])
        .when(collect('pay-2', 500_000, '2026-03-10'))
        .then([
          collected('pay-2', 500_000, '2026-03-10'),
          withheld('forfeit', [50_000, 150_000], 'pay-2'),
        ]);
    });

    it('claws nothing back for a refund after they leave: the withheld amount goes negative', () => {
      spec
        .given([
          assigned('forfeit'),
          collected('pay-1', 1_000_000, '2026-01-20'),
          posted('CommissionAccrued', [100_000, 100_000], 'pay-1'),
          departed,
        ])
        .when(collect('refund-1', -400_000, '2026-03-01'))
        .then([
          collected('refund-1', -400_000, '2026-03-01'),
          withheld('forfeit', [-40_000, -40_000], 'refund-1'),
        ]);
    });

    it('withholds, once the departure is known, a collection after leaving that was already paid', () => {
      spec
        .given([
          assigned('forfeit'),
          collected('pay-1', 1_000_000, '2026-01-20'),
          posted('CommissionAccrued', [100_000, 100_000], 'pay-1'),
          collected('pay-2', 500_000, '2026-03-10'),
          posted('CommissionAccrued', [50_000, 150_000], 'pay-2'),
        ])
        .when(depart)
        .then([
          departed,
          posted('CommissionClawedBack', [50_000, 100_000], 'offboarded'),
          withheld('forfeit', [50_000, 50_000], 'offboarded'),
        ]);
    });
  });

  describe('prorate', () => {
    it('pays a leaver the share of the quarter they worked, 45 of 90 days, on a collection after leaving', () => {
      spec
        .given([assigned('prorate'), departed])
        .when(collect('pay-1', 1_000_000, '2026-03-10'))
        .then([
          collected('pay-1', 1_000_000, '2026-03-10'),
          posted('CommissionAccrued', [50_000, 50_000], 'pay-1'),
          withheld('prorate', [50_000, 50_000], 'pay-1', HALF_OF_Q1),
        ]);
    });

    it('pays in full on a collection before leaving', () => {
      spec
        .given([assigned('prorate'), departed])
        .when(collect('pay-1', 1_000_000, '2026-02-14'))
        .then([
          collected('pay-1', 1_000_000, '2026-02-14'),
          posted('CommissionAccrued', [100_000, 100_000], 'pay-1'),
        ]);
    });

    it('pays nothing in a period that starts after the rep left: no day of it was worked', () => {
      spec
        .given([assigned('prorate', '2026-Q2'), departed])
        .when(collect('pay-1', 1_000_000, '2026-04-10'))
        .then([
          collected('pay-1', 1_000_000, '2026-04-10'),
          withheld('prorate', [100_000, 100_000], 'pay-1', { daysWorked: 0, daysInPeriod: 91 }),
        ]);
    });

    it('rounds the share once, half to even: 45/90 of 0.05 is 0.025, paid as 0.02', () => {
      spec
        .given([assigned('prorate'), departed])
        .when(collect('pay-1', 50, '2026-03-10'))
        .then([
          collected('pay-1', 50, '2026-03-10'),
          posted('CommissionAccrued', [2, 2], 'pay-1'),
          withheld('prorate', [3, 3], 'pay-1', HALF_OF_Q1),
        ]);
    });
  });

  describe('keep', () => {
    it('pays a leaver in full on a collection after they leave, withholding nothing', () => {
      spec
        .given([assigned('keep'), departed])
        .when(collect('pay-1', 1_000_000, '2026-03-10'))
        .then([
          collected('pay-1', 1_000_000, '2026-03-10'),
          posted('CommissionAccrued', [100_000, 100_000], 'pay-1'),
        ]);
    });

    it('is the rule of a plan assigned before rules existed (a version-1 event has none)', () => {
      spec
        .given([assigned(undefined), departed])
        .when(collect('pay-1', 1_000_000, '2026-03-10'))
        .then([
          collected('pay-1', 1_000_000, '2026-03-10'),
          posted('CommissionAccrued', [100_000, 100_000], 'pay-1'),
        ]);
    });

    it('is written into the event when a plan is assigned without a rule', () => {
      spec
        .given([])
        .when(
          command({
            kind: 'AssignCommissionPlan',
            period: '2026-Q1',
            plan: planWith(undefined),
            target: eur(0),
          }),
        )
        .then([assigned('keep')]);
    });
  });

  describe('a rep who never left', () => {
    it('is paid in full under a forfeit plan, whatever the day of the collection', () => {
      spec
        .given([assigned('forfeit')])
        .when(collect('pay-1', 1_000_000, '2026-03-31'))
        .then([
          collected('pay-1', 1_000_000, '2026-03-31'),
          posted('CommissionAccrued', [100_000, 100_000], 'pay-1'),
        ]);
    });
  });

  describe('replay', () => {
    it('records a departure once: a redelivered one changes nothing', () => {
      spec
        .given([assigned('forfeit'), departed])
        .when(depart)
        .then([]);
      spec
        .given([assigned('forfeit'), departed])
        .when(
          command({ kind: 'RecordRepDeparture', causeEventId: 'other', leavesOn: '2026-01-05' }),
        )
        .then([]);
    });

    it('counts a redelivered collection after leaving once', () => {
      spec
        .given([
          assigned('forfeit'),
          departed,
          collected('pay-1', 1_000_000, LEAVES_ON),
          withheld('forfeit', [100_000, 100_000], 'pay-1'),
        ])
        .when(collect('pay-1', 1_000_000, LEAVES_ON))
        .then([]);
    });

    it('records a departure before any plan, and applies the rule when the plan arrives', () => {
      spec.given([]).when(depart).then([departed]);
      spec
        .given([departed, collected('pay-1', 1_000_000, '2026-03-10')])
        .when(
          command({
            kind: 'AssignCommissionPlan',
            period: '2026-Q1',
            plan: planWith('forfeit'),
            target: eur(0),
          }),
        )
        .then([assigned('forfeit'), withheld('forfeit', [100_000, 100_000], null)]);
    });
  });
});
