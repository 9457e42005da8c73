import * as t from 'io-ts';
import { CurrencyCode } from '../shared/money.js';
import { BasisPoints, WHOLE_BPS } from '../shared/basisPoints.js';
import { divideHalfEven } from '../shared/rounding.js';

/** A tier: from this attainment of target (basis points, 10,000 = 100 %) this rate applies. */
export const CommissionTier = t.readonly(
  t.type({ fromAttainmentBps: BasisPoints, rateBps: BasisPoints }),
  'CommissionTier',
);
/** A tier of a tiered plan. */
export type CommissionTier = t.TypeOf<typeof CommissionTier>;

/** Tiers in rising order of attainment, the first starting at 0. */
const Tiers = t.refinement(
  t.readonlyArray(CommissionTier),
  (tiers) =>
    tiers.length > 0 &&
    tiers[0]?.fromAttainmentBps === 0 &&
    tiers.every(
      (tier, i) => i === 0 || tier.fromAttainmentBps > (tiers[i - 1]?.fromAttainmentBps ?? 0),
    ),
  'Tiers',
);

/** How the rate is found: one flat rate, or tiers by attainment (marginal or flat-highest). */
export const CommissionRate = t.union(
  [
    t.readonly(t.type({ kind: t.literal('flat'), rateBps: BasisPoints })),
    /** Each slice of the base is paid at the rate of the tier it falls in. */
    t.readonly(t.type({ kind: t.literal('tiered_marginal'), tiers: Tiers })),
    /** The whole base is paid at the rate of the highest tier reached. */
    t.readonly(t.type({ kind: t.literal('tiered_flat_highest'), tiers: Tiers })),
  ],
  'CommissionRate',
);
/** How the rate of a plan is found. */
export type CommissionRate = t.TypeOf<typeof CommissionRate>;

/**
 * What a rep who leaves earns on the plan's base counted on or after the day they leave
 * (`leavesOn` of their offboarding): `keep` everything, as if they had stayed; `prorate`, the
 * commission on it times the share of the period's days they worked (the days before `leavesOn`);
 * `forfeit`, nothing. Refunds counted after leaving follow the same rule as payments. What a leaver
 * does not earn goes to nobody: the successor is paid by their own plan on their own deals.
 */
export const LeaverRule = t.keyof({ keep: null, prorate: null, forfeit: null }, 'LeaverRule');
/** What a rep who leaves earns on the base counted after they leave. */
export type LeaverRule = t.TypeOf<typeof LeaverRule>;

/**
 * A commission plan. `base` says what it pays on: payments collected, or the amount of deals
 * booked won. An optional accelerator multiplies the commission earned on the part of the base
 * above an attainment (usually 100 % of target). `leaverRule` says what a leaver earns on the base
 * counted after they leave; a plan without one keeps paying them (`keep`), as plans did before the
 * rule existed.
 */
export const CommissionPlan = t.intersection(
  [
    t.type({
      planId: t.string,
      base: t.keyof({ collected: null, booked: null }),
      currency: CurrencyCode,
      rate: CommissionRate,
    }),
    t.partial({
      accelerator: t.readonly(
        t.type({ aboveAttainmentBps: BasisPoints, multiplierBps: BasisPoints }),
      ),
      leaverRule: LeaverRule,
    }),
  ],
  'CommissionPlan',
);
/** A commission plan. */
export type CommissionPlan = t.TypeOf<typeof CommissionPlan>;

/** The plan's rule for leavers: `keep` when the plan names none. */
export const leaverRuleOf = (plan: CommissionPlan): LeaverRule => plan.leaverRule ?? 'keep';

/**
 * The plan's commission on a base, times 10^8, for a base given times 10^4 (both exact integers):
 * rates are basis points, and tier thresholds are target × attainment in basis points.
 */
const scaledCommission = (rate: CommissionRate, base: bigint, target: bigint): bigint => {
  if (rate.kind === 'flat') return base * BigInt(rate.rateBps);
  const thresholds = rate.tiers.map((tier) => target * BigInt(tier.fromAttainmentBps));
  if (rate.kind === 'tiered_flat_highest') {
    let reached = 0;
    thresholds.forEach((threshold, i) => {
      if (base >= threshold) reached = i;
    });
    return base * BigInt(rate.tiers[reached]?.rateBps ?? 0);
  }
  let total = 0n;
  rate.tiers.forEach((tier, i) => {
    const from = thresholds[i] ?? 0n;
    const next = thresholds[i + 1];
    const upTo = next === undefined || base < next ? base : next;
    if (upTo > from) total += (upTo - from) * BigInt(tier.rateBps);
  });
  return total;
};

/**
 * The commission a plan pays on a base (net collected, or net booked) against a target, in minor
 * units. Everything is computed exactly as integers and rounded once, half to even, at the end; a
 * negative base counts as zero, and the commission is never negative. This is the formula the ledger keeps accrued − clawed back equal to.
 */
export const planCommission = (
  plan: CommissionPlan,
  baseMinor: number,
  targetMinor: number,
): number => {
  const base = BigInt(Math.max(0, baseMinor)) * WHOLE_BPS;
  const target = BigInt(targetMinor);
  const full = scaledCommission(plan.rate, base, target);
  const { accelerator } = plan;
  if (accelerator === undefined) return Number(divideHalfEven(full, WHOLE_BPS * WHOLE_BPS));
  const threshold = target * BigInt(accelerator.aboveAttainmentBps);
  const below = scaledCommission(plan.rate, base < threshold ? base : threshold, target);
  const accelerated = below * WHOLE_BPS + (full - below) * BigInt(accelerator.multiplierBps);
  // A plan whose rates fall with attainment can earn less above the threshold than below it;
  // multiplying that negative part would make the commission negative, which it never is.
  return Math.max(0, Number(divideHalfEven(accelerated, WHOLE_BPS * WHOLE_BPS * WHOLE_BPS)));
};
