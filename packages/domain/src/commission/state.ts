import type { DateOnly } from '../shared/dates.js';
import type { CommissionEvent } from './events.js';
import type { CommissionPlan } from './plan.js';
import { monthOf, monthsOf } from '../shared/period.js';
import { planCommission } from './plan.js';

/** A period the rep has a plan for, and what was posted for it. Amounts in minor units. */
export interface PeriodLedger {
  readonly plan: CommissionPlan;
  readonly targetMinor: number;
  readonly accruedMinor: number;
  readonly clawedBackMinor: number;
}

/** A booked won deal, remembered so a reopening can take exactly it back. */
export interface Booking {
  readonly amountMinor: number;
  readonly currency: string;
  readonly countsOn: DateOnly;
  readonly active: boolean;
}

/** A settlement as approved: its payout never changes. */
export interface ApprovedSettlement {
  readonly payableMinor: number;
  readonly currency: string;
  readonly paid: boolean;
}

/** A rep's commission ledger: base per month, plans per period, postings, settlements. */
export interface CommissionState {
  readonly currency: string | null;
  /** Net collected and net booked per month (`YYYY-MM`). */
  readonly months: Readonly<
    Record<string, { readonly collected: number; readonly booked: number }>
  >;
  readonly bookings: Readonly<Record<string, Booking>>;
  /** The events that already moved the base: each counts once, however often it is delivered. */
  readonly causes: Readonly<Record<string, true>>;
  readonly periods: Readonly<Record<string, PeriodLedger>>;
  /** What settlements have approved for payment so far. */
  readonly settledMinor: number;
  readonly settlements: Readonly<Record<string, ApprovedSettlement>>;
}

/** The state of a stream with no events. */
export const initialCommissionState: CommissionState = {
  currency: null,
  months: {},
  bookings: {},
  causes: {},
  periods: {},
  settledMinor: 0,
  settlements: {},
};

/** The period's base under its plan: net collected or net booked over its months. */
export const periodBase = (state: CommissionState, period: string, plan: CommissionPlan): number =>
  monthsOf(period).reduce((sum, month) => sum + (state.months[month]?.[plan.base] ?? 0), 0);

/** What the plan pays for a period now: the amount accrued − clawed back must equal. */
export const periodEntitlement = (state: CommissionState, period: string): number => {
  const ledger = state.periods[period];
  if (ledger === undefined) return 0;
  return planCommission(ledger.plan, periodBase(state, period, ledger.plan), ledger.targetMinor);
};

/** The assigned period a day falls in, if any. */
export const periodOfDay = (state: CommissionState, day: string): string | undefined =>
  Object.keys(state.periods).find((period) => monthsOf(period).includes(monthOf(day)));

/** Accrued − clawed back over every period. */
export const heldMinor = (state: CommissionState): number =>
  Object.values(state.periods).reduce(
    (sum, ledger) => sum + ledger.accruedMinor - ledger.clawedBackMinor,
    0,
  );

const updatePeriod = (
  state: CommissionState,
  period: string,
  patch: (ledger: PeriodLedger) => Partial<PeriodLedger>,
): CommissionState => {
  const ledger = state.periods[period];
  return ledger === undefined
    ? state
    : { ...state, periods: { ...state.periods, [period]: { ...ledger, ...patch(ledger) } } };
};

/** Folds one event into the ledger. */
export const evolveCommission = (
  state: CommissionState,
  event: CommissionEvent,
): CommissionState => {
  switch (event.type) {
    case 'CommissionPlanAssigned': {
      const { period, plan, target } = event.data;
      return {
        ...state,
        currency: state.currency ?? plan.currency,
        periods: {
          ...state.periods,
          [period]: { plan, targetMinor: target.amountMinor, accruedMinor: 0, clawedBackMinor: 0 },
        },
      };
    }
    case 'CommissionTargetAdjusted':
      return updatePeriod(state, event.data.period, () => ({
        targetMinor: event.data.target.amountMinor,
      }));
    case 'CommissionBaseRecorded': {
      const { base, amount, countsOn, opportunityId, causeEventId } = event.data;
      const month = monthOf(countsOn);
      const current = state.months[month] ?? { collected: 0, booked: 0 };
      const bookings =
        base === 'booked' && opportunityId !== undefined
          ? {
              ...state.bookings,
              [opportunityId]: {
                amountMinor: Math.abs(amount.amountMinor),
                currency: amount.currency,
                countsOn,
                active: amount.amountMinor > 0,
              },
            }
          : state.bookings;
      return {
        ...state,
        currency: state.currency ?? amount.currency,
        causes: { ...state.causes, [causeEventId]: true },
        months: {
          ...state.months,
          [month]: { ...current, [base]: current[base] + amount.amountMinor },
        },
        bookings,
      };
    }
    case 'CommissionAccrued':
      return updatePeriod(state, event.data.period, (ledger) => ({
        accruedMinor: ledger.accruedMinor + event.data.amount.amountMinor,
      }));
    case 'CommissionClawedBack':
      return updatePeriod(state, event.data.period, (ledger) => ({
        clawedBackMinor: ledger.clawedBackMinor + event.data.amount.amountMinor,
      }));
    case 'CommissionSettled':
      return {
        ...state,
        settledMinor: state.settledMinor + event.data.payable.amountMinor,
        settlements: {
          ...state.settlements,
          [event.data.settlementId]: {
            payableMinor: event.data.payable.amountMinor,
            currency: event.data.payable.currency,
            paid: false,
          },
        },
      };
    case 'CommissionSettlementPaid': {
      const settlement = state.settlements[event.data.settlementId];
      return settlement === undefined
        ? state
        : {
            ...state,
            settlements: {
              ...state.settlements,
              [event.data.settlementId]: { ...settlement, paid: true },
            },
          };
    }
  }
};
