import * as E from 'fp-ts/lib/Either.js';
import type { CommissionError } from './errors.js';
import type { CommissionEvent } from './events.js';
import type { CommissionState, PeriodLedger } from './state.js';
import { money, nonNegativeMoney } from '../shared/money.js';
import { daysWorkedIn, entitlementIfKept, periodEntitlement } from './entitlement.js';
import { leaverRuleOf } from './plan.js';
import { evolveCommission } from './state.js';

/** What a commission command decides: the events to append, or why it is refused. */
export type CommissionDecision = E.Either<CommissionError, readonly CommissionEvent[]>;

/** Decides to append `events` (none: the command changes nothing). */
export const emit = (...events: CommissionEvent[]): CommissionDecision => E.right(events);

/** Whose ledger a posting is on, and the event that made it necessary (null: a plan change). */
export interface PostingCause {
  readonly repId: string;
  readonly causeEventId: string | null;
}

/**
 * The posting that brings a period's accrued − clawed back to what the plan pays now: the
 * difference entitlement(after) − entitlement(before), as an accrual or a clawback.
 */
const accrual = (
  ledger: PeriodLedger,
  period: string,
  entitlement: number,
  { repId, causeEventId }: PostingCause,
): CommissionEvent[] => {
  const difference = entitlement - (ledger.accruedMinor - ledger.clawedBackMinor);
  if (difference === 0) return [];
  const currency = ledger.plan.currency;
  const data = {
    repId,
    period,
    amount: nonNegativeMoney(Math.abs(difference), currency),
    causeEventId,
    entitlement: nonNegativeMoney(entitlement, currency),
  };
  return [
    difference > 0 ? { type: 'CommissionAccrued', data } : { type: 'CommissionClawedBack', data },
  ];
};

/** The record of what a leaver rule withheld for the period, when that changed. */
const withholding = (
  state: CommissionState,
  period: string,
  entitlement: number,
  { repId, causeEventId }: PostingCause,
): CommissionEvent[] => {
  const ledger = state.periods[period];
  const rule = ledger === undefined ? 'keep' : leaverRuleOf(ledger.plan);
  if (ledger === undefined || state.departure === null || rule === 'keep') return [];
  const withheld = entitlementIfKept(state, period) - entitlement;
  const change = withheld - ledger.withheldMinor;
  if (change === 0) return [];
  const { leavesOn } = state.departure;
  const currency = ledger.plan.currency;
  const share = rule === 'prorate' ? daysWorkedIn(period, leavesOn) : {};
  const data = { repId, period, causeEventId, rule, leavesOn, ...share };
  const amounts = { amount: money(change, currency), withheld: money(withheld, currency) };
  return [{ type: 'LeaverCommissionWithheld', data: { ...data, ...amounts } }];
};

/**
 * The postings a period needs after a change: the accrual or clawback to what the plan pays, and,
 * for a rep who left, what the plan's rule for leavers withheld from them.
 */
export const postingsFor = (
  state: CommissionState,
  period: string | undefined,
  cause: PostingCause,
): CommissionEvent[] => {
  const ledger = period === undefined ? undefined : state.periods[period];
  if (period === undefined || ledger === undefined) return [];
  const entitlement = periodEntitlement(state, period);
  return [
    ...accrual(ledger, period, entitlement, cause),
    ...withholding(state, period, entitlement, cause),
  ];
};

/** Emits the events and the postings they make necessary, computed on the state after them. */
export const withPostings = (
  state: CommissionState,
  events: CommissionEvent[],
  periods: readonly (string | undefined)[],
  cause: PostingCause,
): CommissionDecision => {
  const after = events.reduce(evolveCommission, state);
  return emit(...events, ...periods.flatMap((period) => postingsFor(after, period, cause)));
};
