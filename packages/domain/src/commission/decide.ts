import * as E from 'fp-ts/lib/Either.js';
import type { Decider } from '@clientele/eventstore';
import type { CommissionCommand } from './commands.js';
import type { CommissionError } from './errors.js';
import type { CommissionEvent } from './events.js';
import type { CommissionState } from './state.js';
import { money, nonNegativeMoney } from '../shared/money.js';
import { periodsOverlap } from '../shared/period.js';
import {
  evolveCommission,
  heldMinor,
  initialCommissionState,
  periodEntitlement,
  periodOfDay,
} from './state.js';

type Decision = E.Either<CommissionError, readonly CommissionEvent[]>;

const emit = (...events: CommissionEvent[]): Decision => E.right(events);

/**
 * The posting that brings a period's accrued − clawed back to what the plan pays on its base now:
 * the difference plan(base after) − plan(base before), as an accrual or a clawback.
 */
const posting = (
  state: CommissionState,
  repId: string,
  period: string | undefined,
  causeEventId: string | null,
): CommissionEvent[] => {
  const ledger = period === undefined ? undefined : state.periods[period];
  if (period === undefined || ledger === undefined) return [];
  const entitlement = periodEntitlement(state, period);
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

/** Emits the events and the posting they make necessary, computed on the state after them. */
const withPosting = (
  state: CommissionState,
  events: CommissionEvent[],
  repId: string,
  period: string | undefined,
  causeEventId: string | null,
): Decision => {
  const after = events.reduce(evolveCommission, state);
  return emit(...events, ...posting(after, repId, period, causeEventId));
};

const checkCurrency = (state: CommissionState, currency: string): CommissionError | undefined =>
  state.currency === null || state.currency === currency
    ? undefined
    : { kind: 'CommissionCurrencyMismatch', expected: state.currency, actual: currency };

/** Decides a commission command against the rep's ledger. */
export const decideCommission = (command: CommissionCommand, state: CommissionState): Decision => {
  const { repId } = command;
  switch (command.kind) {
    case 'AssignCommissionPlan': {
      const { period, plan, target } = command;
      const mismatch =
        checkCurrency(state, plan.currency) ??
        (target.currency === plan.currency
          ? undefined
          : {
              kind: 'CommissionCurrencyMismatch' as const,
              expected: plan.currency,
              actual: target.currency,
            });
      if (mismatch !== undefined) return E.left(mismatch);
      if (state.periods[period] !== undefined)
        return E.left({ kind: 'PlanAlreadyAssigned', period });
      const assigned = Object.keys(state.periods).find((other) => periodsOverlap(other, period));
      if (assigned !== undefined) return E.left({ kind: 'PeriodOverlaps', period, assigned });
      const byAttainment = plan.rate.kind !== 'flat' || plan.accelerator !== undefined;
      if (byAttainment && target.amountMinor === 0)
        return E.left({ kind: 'PlanNeedsTarget', period });
      return withPosting(
        state,
        [{ type: 'CommissionPlanAssigned', data: { repId, period, plan, target } }],
        repId,
        period,
        null,
      );
    }
    case 'AdjustCommissionTarget': {
      const { period, target } = command;
      const ledger = state.periods[period];
      if (ledger === undefined) return E.left({ kind: 'NoPlanForPeriod', period });
      const mismatch = checkCurrency(state, target.currency);
      if (mismatch !== undefined) return E.left(mismatch);
      if (target.amountMinor === ledger.targetMinor) return emit();
      const previousTarget = nonNegativeMoney(ledger.targetMinor, ledger.plan.currency);
      return withPosting(
        state,
        [{ type: 'CommissionTargetAdjusted', data: { repId, period, target, previousTarget } }],
        repId,
        period,
        null,
      );
    }
    case 'RecordCollection': {
      const { causeEventId, amount, collectedOn, invoiceId } = command;
      if (state.causes[causeEventId]) return emit();
      const mismatch = checkCurrency(state, amount.currency);
      if (mismatch !== undefined) return E.left(mismatch);
      const data = {
        repId,
        causeEventId,
        base: 'collected' as const,
        amount,
        countsOn: collectedOn,
        invoiceId,
      };
      return withPosting(
        state,
        [{ type: 'CommissionBaseRecorded', data }],
        repId,
        periodOfDay(state, collectedOn),
        causeEventId,
      );
    }
    case 'RecordBooking': {
      const { causeEventId, opportunityId, amount, bookedOn } = command;
      if (state.causes[causeEventId] || state.bookings[opportunityId]?.active) return emit();
      const mismatch = checkCurrency(state, amount.currency);
      if (mismatch !== undefined) return E.left(mismatch);
      const data = {
        repId,
        causeEventId,
        base: 'booked' as const,
        amount: money(amount.amountMinor, amount.currency),
        countsOn: bookedOn,
        opportunityId,
      };
      return withPosting(
        state,
        [{ type: 'CommissionBaseRecorded', data }],
        repId,
        periodOfDay(state, bookedOn),
        causeEventId,
      );
    }
    case 'ReverseBooking': {
      const { causeEventId, opportunityId } = command;
      const booking = state.bookings[opportunityId];
      if (state.causes[causeEventId] || booking === undefined || !booking.active) return emit();
      const data = {
        repId,
        causeEventId,
        base: 'booked' as const,
        amount: money(-booking.amountMinor, booking.currency),
        countsOn: booking.countsOn,
        opportunityId,
      };
      return withPosting(
        state,
        [{ type: 'CommissionBaseRecorded', data }],
        repId,
        periodOfDay(state, booking.countsOn),
        causeEventId,
      );
    }
    case 'SettleCommission': {
      const { settlementId, settledOn } = command;
      if (state.settlements[settlementId] !== undefined) return emit();
      const entitlement = heldMinor(state);
      const payable = Math.max(0, entitlement - state.settledMinor);
      const debt = Math.max(0, state.settledMinor - entitlement);
      const { currency } = state;
      if ((payable === 0 && debt === 0) || currency === null) {
        return E.left({ kind: 'NothingToSettle', repId });
      }
      const amount = (minor: number) => nonNegativeMoney(minor, currency);
      return emit({
        type: 'CommissionSettled',
        data: {
          repId,
          settlementId,
          settledOn,
          entitlement: amount(entitlement),
          previouslySettled: amount(state.settledMinor),
          payable: amount(payable),
          debt: amount(debt),
        },
      });
    }
    case 'PayCommissionSettlement': {
      const settlement = state.settlements[command.settlementId];
      if (settlement === undefined) {
        return E.left({ kind: 'SettlementNotFound', settlementId: command.settlementId });
      }
      if (settlement.paid) return emit();
      return emit({
        type: 'CommissionSettlementPaid',
        data: {
          repId,
          settlementId: command.settlementId,
          paidOn: command.paidOn,
          amount: nonNegativeMoney(settlement.payableMinor, settlement.currency),
        },
      });
    }
  }
};

/** The Commission aggregate (one ledger per rep) as a decider. */
export const commissionDecider: Decider<
  CommissionCommand,
  CommissionEvent,
  CommissionState,
  CommissionError
> = {
  initialState: initialCommissionState,
  decide: decideCommission,
  evolve: evolveCommission,
};
