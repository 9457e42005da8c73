import * as E from 'fp-ts/lib/Either.js';
import type { CommissionCommand } from './commands.js';
import type { CommissionError } from './errors.js';
import type { CommissionDecision } from './postings.js';
import type { CommissionState } from './state.js';
import { nonNegativeMoney } from '../shared/money.js';
import { periodsOverlap } from '../shared/period.js';
import { emit, withPostings } from './postings.js';

type Command<K extends CommissionCommand['kind']> = Extract<CommissionCommand, { kind: K }>;

/** Refuses an amount in another currency than the ledger's, once the ledger has one. */
export const checkCurrency = (
  state: CommissionState,
  currency: string,
): CommissionError | undefined =>
  state.currency === null || state.currency === currency
    ? undefined
    : { kind: 'CommissionCurrencyMismatch', expected: state.currency, actual: currency };

const refusalToAssign = (
  { period, plan, target }: Command<'AssignCommissionPlan'>,
  state: CommissionState,
): CommissionError | undefined => {
  const mismatch =
    checkCurrency(state, plan.currency) ??
    (target.currency === plan.currency
      ? undefined
      : {
          kind: 'CommissionCurrencyMismatch' as const,
          expected: plan.currency,
          actual: target.currency,
        });
  if (mismatch !== undefined) return mismatch;
  if (state.periods[period] !== undefined) return { kind: 'PlanAlreadyAssigned', period };
  const assigned = Object.keys(state.periods).find((other) => periodsOverlap(other, period));
  if (assigned !== undefined) return { kind: 'PeriodOverlaps', period, assigned };
  const byAttainment = plan.rate.kind !== 'flat' || plan.accelerator !== undefined;
  return byAttainment && target.amountMinor === 0 ? { kind: 'PlanNeedsTarget', period } : undefined;
};

/**
 * Puts the rep on a plan for a period. The event always names the plan's rule for leavers
 * (`keep` when the command leaves it out), so the log says which rule a period ran under.
 */
export const assignPlan = (
  command: Command<'AssignCommissionPlan'>,
  state: CommissionState,
): CommissionDecision => {
  const refusal = refusalToAssign(command, state);
  if (refusal !== undefined) return E.left(refusal);
  const { repId, period, target } = command;
  const plan = { ...command.plan, leaverRule: command.plan.leaverRule ?? 'keep' };
  return withPostings(
    state,
    [{ type: 'CommissionPlanAssigned', data: { repId, period, plan, target } }],
    [period],
    { repId, causeEventId: null },
  );
};

/** Changes the period's target; the tier thresholds, and so the postings, move with it. */
export const adjustTarget = (
  { repId, period, target }: Command<'AdjustCommissionTarget'>,
  state: CommissionState,
): CommissionDecision => {
  const ledger = state.periods[period];
  if (ledger === undefined) return E.left({ kind: 'NoPlanForPeriod', period });
  const mismatch = checkCurrency(state, target.currency);
  if (mismatch !== undefined) return E.left(mismatch);
  if (target.amountMinor === ledger.targetMinor) return emit();
  const previousTarget = nonNegativeMoney(ledger.targetMinor, ledger.plan.currency);
  return withPostings(
    state,
    [{ type: 'CommissionTargetAdjusted', data: { repId, period, target, previousTarget } }],
    [period],
    { repId, causeEventId: null },
  );
};
