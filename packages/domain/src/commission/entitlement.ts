import type { DateOnly } from '../shared/dates.js';
import type { CommissionState, PeriodLedger } from './state.js';
import { daysBetween } from '../shared/dates.js';
import { daysOf, firstDayOf, monthOf, monthsOf } from '../shared/period.js';
import { divideHalfEven } from '../shared/rounding.js';
import { leaverRuleOf, planCommission } from './plan.js';
import { periodBase } from './state.js';

/** How a period's commission is shared under `prorate`: the days worked of the period's days. */
export interface DaysWorked {
  readonly daysWorked: number;
  readonly daysInPeriod: number;
}

/** The days of a period before `leavesOn` (none when they left before it began). */
export const daysWorkedIn = (period: string, leavesOn: DateOnly): DaysWorked => {
  const daysInPeriod = daysOf(period);
  const worked = daysBetween(firstDayOf(period) as DateOnly, leavesOn);
  return { daysWorked: Math.min(daysInPeriod, Math.max(0, worked)), daysInPeriod };
};

/** The period's base counted before `leavesOn`. */
const baseBefore = (
  state: CommissionState,
  period: string,
  ledger: PeriodLedger,
  leavesOn: DateOnly,
): number => {
  const months = new Set(monthsOf(period));
  return Object.entries(state.days).reduce(
    (sum, [day, totals]) =>
      day < leavesOn && months.has(monthOf(day)) ? sum + totals[ledger.plan.base] : sum,
    0,
  );
};

/** What the period's plan pays on its whole base, as if the rep had stayed (`keep`). */
export const entitlementIfKept = (state: CommissionState, period: string): number => {
  const ledger = state.periods[period];
  if (ledger === undefined) return 0;
  return planCommission(ledger.plan, periodBase(state, period, ledger.plan), ledger.targetMinor);
};

/**
 * What the plan pays for a period now, the amount accrued − clawed back must equal. Once the rep
 * has left, the plan's rule for leavers applies to the base counted on or after `leavesOn`:
 * `forfeit` pays plan(base before); `prorate` adds to it the share of days worked of
 * plan(whole base) − plan(base before), rounded once, half to even; `keep` pays plan(whole base).
 */
export const periodEntitlement = (state: CommissionState, period: string): number => {
  const ledger = state.periods[period];
  const kept = entitlementIfKept(state, period);
  const rule = ledger === undefined ? 'keep' : leaverRuleOf(ledger.plan);
  if (ledger === undefined || state.departure === null || rule === 'keep') return kept;
  const { leavesOn } = state.departure;
  const before = planCommission(
    ledger.plan,
    baseBefore(state, period, ledger, leavesOn),
    ledger.targetMinor,
  );
  if (rule === 'forfeit') return before;
  const { daysWorked, daysInPeriod } = daysWorkedIn(period, leavesOn);
  const share = divideHalfEven(BigInt(kept - before) * BigInt(daysWorked), BigInt(daysInPeriod));
  return before + Number(share);
};
