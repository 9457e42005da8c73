import * as E from 'fp-ts/lib/Either.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CommissionCommand } from './commands.js';
import type { CommissionPlan, LeaverRule } from './plan.js';
import type { CommissionState } from './state.js';
import { commissionDecider } from './decide.js';
import { planCommission } from './plan.js';

const repId = 'rep-1';
const PERIOD = '2026-Q1';
const eur = (amountMinor: number) => ({ amountMinor, currency: 'EUR' }) as never;
const dayIn = (month: string, day: number) => `${month}-${String(day).padStart(2, '0')}`;

const rates = [
  { kind: 'flat', rateBps: 700 },
  {
    kind: 'tiered_marginal',
    tiers: [
      { fromAttainmentBps: 0, rateBps: 200 },
      { fromAttainmentBps: 5_000, rateBps: 500 },
      { fromAttainmentBps: 10_000, rateBps: 800 },
    ],
  },
];
const plan = fc
  .tuple(fc.constantFrom(...rates), fc.constantFrom<LeaverRule>('keep', 'prorate', 'forfeit'))
  .map(
    ([rate, leaverRule]) =>
      ({ planId: 'p', base: 'collected', currency: 'EUR', rate, leaverRule }) as CommissionPlan,
  );
const month = fc.constantFrom('2025-12', '2026-01', '2026-02', '2026-03', '2026-04');
const movement = fc.record({
  amountMinor: fc.integer({ min: 1, max: 5_000_000 }),
  refund: fc.boolean(),
  on: fc.tuple(month, fc.integer({ min: 1, max: 28 })).map(([m, d]) => dayIn(m, d)),
});

const play = (commands: readonly CommissionCommand[]): CommissionState =>
  commands.reduce((state, command) => {
    const decision = commissionDecider.decide(command, state);
    return E.isLeft(decision) ? state : decision.right.reduce(commissionDecider.evolve, state);
  }, commissionDecider.initialState);

/** Accrued − clawed back for the quarter, and what the leaver rule withheld. */
const posted = (state: CommissionState) => {
  const ledger = state.periods[PERIOD];
  return {
    net: (ledger?.accruedMinor ?? 0) - (ledger?.clawedBackMinor ?? 0),
    withheld: ledger?.withheldMinor ?? 0,
  };
};

describe('the leaver rule, for any plan, collections and departure', () => {
  it('pays a leaver plus what it withholds exactly what a rep who stayed earns, whenever the departure arrives', () => {
    fc.assert(
      fc.property(
        plan,
        fc.integer({ min: 1, max: 20_000_000 }),
        fc.array(movement, { maxLength: 15 }),
        fc.record({
          leavesOn: fc.tuple(month, fc.integer({ min: 1, max: 28 })).map(([m, d]) => dayIn(m, d)),
          at: fc.nat(),
        }),
        (p, targetMinor, movements, { leavesOn, at }) => {
          const assign: CommissionCommand = {
            kind: 'AssignCommissionPlan',
            repId,
            period: PERIOD,
            plan: p,
            target: eur(targetMinor),
          };
          const collections = movements.map((m, i): CommissionCommand => ({
            kind: 'RecordCollection',
            repId,
            causeEventId: `event-${i}`,
            invoiceId: 'invoice-1',
            amount: eur(m.refund ? -m.amountMinor : m.amountMinor),
            collectedOn: m.on as never,
          }));
          const departure: CommissionCommand = {
            kind: 'RecordRepDeparture',
            repId,
            causeEventId: 'offboarded',
            leavesOn: leavesOn as never,
          };
          const stayed = posted(play([assign, ...collections]));
          const position = at % (collections.length + 2);
          const sequence = [assign, ...collections];
          const left = posted(
            play([...sequence.slice(0, position), departure, ...sequence.slice(position)]),
          );
          expect(left.net + left.withheld).toBe(stayed.net);
          expect(left).toEqual(posted(play([departure, ...sequence])));
          expect(left.net).toBeGreaterThanOrEqual(0);
          if (p.leaverRule === 'keep') expect(left.withheld).toBe(0);
          if (p.leaverRule === 'forfeit') {
            const before = movements
              .filter((m) => m.on < leavesOn && m.on.startsWith('2026-0') && m.on < '2026-04')
              .reduce((sum, m) => sum + (m.refund ? -m.amountMinor : m.amountMinor), 0);
            expect(left.net).toBe(planCommission(p, before, targetMinor));
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
