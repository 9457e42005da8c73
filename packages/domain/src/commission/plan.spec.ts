import { describe, expect, it } from 'vitest';
import type { CommissionPlan } from './plan.js';
import { applyBps } from '../shared/basisPoints.js';
import { divideHalfEven } from '../shared/rounding.js';
import { planCommission } from './plan.js';

const plan = (rate: unknown, extra: object = {}): CommissionPlan =>
  ({ planId: 'p', base: 'collected', currency: 'EUR', rate, ...extra }) as CommissionPlan;
const tiers = [
  { fromAttainmentBps: 0, rateBps: 200 },
  { fromAttainmentBps: 5_000, rateBps: 500 },
  { fromAttainmentBps: 10_000, rateBps: 800 },
];
/** Target €100,000.00; net collected €120,000.00 (120 % attainment). */
const TARGET = 10_000_000;
const NET = 12_000_000;

describe('commission plans: worked examples, target €100,000.00, net €120,000.00', () => {
  it('flat 5 %: 120,000.00 × 5 % = €6,000.00', () => {
    expect(planCommission(plan({ kind: 'flat', rateBps: 500 }), NET, TARGET)).toBe(600_000);
  });

  it('marginal tiers 2 % / 5 % from 50 % / 8 % from 100 %: 1,000 + 2,500 + 1,600 = €5,100.00', () => {
    expect(planCommission(plan({ kind: 'tiered_marginal', tiers }), NET, TARGET)).toBe(510_000);
  });

  it('the same tiers flat-highest: all 120,000.00 at 8 % = €9,600.00', () => {
    expect(planCommission(plan({ kind: 'tiered_flat_highest', tiers }), NET, TARGET)).toBe(960_000);
  });

  it('flat 5 % with a 1.5× accelerator above 100 %: 5,000 + 20,000 × 5 % × 1.5 = €6,500.00', () => {
    const accelerated = plan(
      { kind: 'flat', rateBps: 500 },
      { accelerator: { aboveAttainmentBps: 10_000, multiplierBps: 15_000 } },
    );
    expect(planCommission(accelerated, NET, TARGET)).toBe(650_000);
    expect(planCommission(accelerated, 8_000_000, TARGET)).toBe(400_000);
  });

  it('a refund of €30,000.00 falls back through the tiers: 5,100 − 3,000 = €2,100.00 clawed back', () => {
    const marginal = plan({ kind: 'tiered_marginal', tiers });
    const after = planCommission(marginal, NET - 3_000_000, TARGET);
    expect(after).toBe(300_000);
    // 20,000 that were paid at 8 % and 10,000 at 5 %.
    expect(planCommission(marginal, NET, TARGET) - after).toBe(210_000);
  });

  it('flat-highest drops to the lower rate on the whole base when attainment falls under a tier', () => {
    const flatHighest = plan({ kind: 'tiered_flat_highest', tiers });
    expect(planCommission(flatHighest, 9_999_999, TARGET)).toBe(500_000);
    expect(planCommission(flatHighest, 10_000_000, TARGET)).toBe(800_000);
  });

  it('pays nothing on a negative net, as when a refund arrives before its payment', () => {
    expect(planCommission(plan({ kind: 'flat', rateBps: 500 }), -100, TARGET)).toBe(0);
  });
});

describe('rounding money: half to even, once', () => {
  it('rounds halves to the even minor unit and everything else to the nearest', () => {
    expect(applyBps(10, 5_000)).toBe(5);
    expect(applyBps(1, 5_000)).toBe(0); // 0.5 → 0
    expect(applyBps(3, 5_000)).toBe(2); // 1.5 → 2
    expect(applyBps(12_345, 333)).toBe(411); // 411.0885
    expect(divideHalfEven(-5n, 2n)).toBe(-2n);
    expect(divideHalfEven(-7n, 2n)).toBe(-4n);
  });

  it('rounds a plan’s total once, not each tier: two slices of ½ minor unit make 1, not 0', () => {
    // Base 1.00 (100 minor) against a target of 1.00: 50 minor at 1 % = 0.5, 50 at 1 % = 0.5.
    const halves = plan({
      kind: 'tiered_marginal',
      tiers: [
        { fromAttainmentBps: 0, rateBps: 100 },
        { fromAttainmentBps: 5_000, rateBps: 100 },
      ],
    });
    expect(planCommission(halves, 100, 100)).toBe(1);
  });
});
