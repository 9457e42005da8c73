import * as E from 'fp-ts/lib/Either.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CommissionCommand } from './commands.js';
import type { CommissionPlan, CommissionRate } from './plan.js';
import type { CommissionState } from './state.js';
import { commissionDecider } from './decide.js';
import { planCommission } from './plan.js';

const repId = 'rep-1';
const PERIOD = '2026-Q1';
const eur = (amountMinor: number) => ({ amountMinor, currency: 'EUR' }) as never;

const tiers = fc
  .uniqueArray(fc.integer({ min: 1, max: 20_000 }), { maxLength: 4 })
  .chain((starts) =>
    fc.tuple(
      fc.constant([0, ...starts.sort((a, b) => a - b)]),
      fc.array(fc.integer({ min: 0, max: 3_000 }), {
        minLength: starts.length + 1,
        maxLength: starts.length + 1,
      }),
    ),
  )
  .map(([starts, rates]) =>
    starts.map((from, i) => ({ fromAttainmentBps: from, rateBps: rates[i] ?? 0 })),
  );

const rate: fc.Arbitrary<CommissionRate> = fc.oneof(
  fc
    .integer({ min: 0, max: 3_000 })
    .map((rateBps) => ({ kind: 'flat', rateBps }) as CommissionRate),
  tiers.map((t) => ({ kind: 'tiered_marginal', tiers: t }) as unknown as CommissionRate),
  tiers.map((t) => ({ kind: 'tiered_flat_highest', tiers: t }) as unknown as CommissionRate),
);

const plan: fc.Arbitrary<CommissionPlan> = fc
  .tuple(
    rate,
    fc.option(
      fc.record({
        aboveAttainmentBps: fc.integer({ min: 0, max: 20_000 }),
        multiplierBps: fc.integer({ min: 10_000, max: 30_000 }),
      }),
      { nil: undefined },
    ),
  )
  .map(
    ([r, accelerator]) =>
      ({
        planId: 'plan',
        base: 'collected',
        currency: 'EUR',
        rate: r,
        ...(accelerator === undefined ? {} : { accelerator }),
      }) as unknown as CommissionPlan,
  );

/** A payment (+) or refund (−) with its own causing event, on a day in or after the quarter. */
const movement = fc.record({
  amountMinor: fc.integer({ min: 1, max: 50_000_000 }),
  refund: fc.boolean(),
  month: fc.constantFrom('01', '02', '03', '04'),
  day: fc.integer({ min: 1, max: 28 }),
});

const apply = (state: CommissionState, command: CommissionCommand): CommissionState => {
  const decision = commissionDecider.decide(command, state);
  return E.isLeft(decision) ? state : decision.right.reduce(commissionDecider.evolve, state);
};

describe('commission accrual property', () => {
  it('keeps accrued − clawed back = plan(net collected) for any payments and refunds, in any order, delivered twice', () => {
    fc.assert(
      fc.property(
        plan,
        fc.integer({ min: 1, max: 1_000_000_000 }),
        fc.array(movement, { maxLength: 25 }),
        fc.nat(),
        (p, targetMinor, movements, seed) => {
          const collections: CommissionCommand[] = movements.map((m, i) => ({
            kind: 'RecordCollection',
            repId,
            causeEventId: `event-${i}`,
            invoiceId: `invoice-${i % 3}`,
            amount: eur(m.refund ? -m.amountMinor : m.amountMinor),
            collectedOn: `2026-${m.month}-${String(m.day).padStart(2, '0')}` as never,
          }));
          const assign: CommissionCommand = {
            kind: 'AssignCommissionPlan',
            repId,
            period: PERIOD,
            plan: p,
            target: eur(targetMinor),
          };
          // Every command twice, in an order drawn from the seed.
          const deliveries =
            fc.sample(
              fc.shuffledSubarray([...collections, ...collections, assign, assign], {
                minLength: collections.length * 2 + 2,
              }),
              { numRuns: 1, seed },
            )[0] ?? [];
          let state = commissionDecider.initialState;
          const counted = new Set<string>();
          for (const command of deliveries) {
            state = apply(state, command);
            if (command.kind === 'RecordCollection') counted.add(command.causeEventId);
            const ledger = state.periods[PERIOD];
            if (ledger === undefined) continue;
            const net = collections
              .filter(
                (c) =>
                  c.kind === 'RecordCollection' &&
                  counted.has(c.causeEventId) &&
                  c.collectedOn < '2026-04',
              )
              .reduce(
                (sum, c) => sum + (c.kind === 'RecordCollection' ? c.amount.amountMinor : 0),
                0,
              );
            expect(ledger.accruedMinor - ledger.clawedBackMinor).toBe(
              planCommission(p, net, targetMinor),
            );
          }
          const ledger = state.periods[PERIOD];
          const net = collections.reduce(
            (sum, c) =>
              sum +
              (c.kind === 'RecordCollection' && c.collectedOn < '2026-04'
                ? c.amount.amountMinor
                : 0),
            0,
          );
          expect(
            ledger === undefined ? undefined : ledger.accruedMinor - ledger.clawedBackMinor,
          ).toBe(planCommission(p, net, targetMinor));
        },
      ),
      { numRuns: 300 },
    );
  });
});
