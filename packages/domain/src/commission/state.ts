import type { DateOnly } from '../shared/dates.js';
import type { CommissionEvent } from './events.js';
import type { CommissionPlan } from './plan.js';
import { monthOf, monthsOf } from '../shared/period.js';

/** A period the rep has a plan for, and what was posted for it. Amounts in minor units. */
export interface PeriodLedger {
  readonly plan: CommissionPlan;
  readonly targetMinor: number;
  readonly accruedMinor: number;
  readonly clawedBackMinor: number;
  /** What the plan's rule for leavers withheld: what `keep` would pay less what the rule pays. */
  readonly withheldMinor: number;
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

/** Net collected and net booked, in minor units. */
export interface BaseTotals {
  readonly collected: number;
  readonly booked: number;
}

/** A rep's commission ledger: base per month, plans per period, postings, settlements. */
export interface CommissionState {
  readonly currency: string | null;
  /** Net collected and net booked per month (`YYYY-MM`). */
  readonly months: Readonly<Record<string, BaseTotals>>;
  /** The same per day (`YYYY-MM-DD`): a leaver's base splits on the day they leave. */
  readonly days: Readonly<Record<string, BaseTotals>>;
  readonly bookings: Readonly<Record<string, Booking>>;
  /** The events that already moved the base: each counts once, however often it is delivered. */
  readonly causes: Readonly<Record<string, true>>;
  readonly periods: Readonly<Record<string, PeriodLedger>>;
  /** What settlements have approved for payment so far. */
  readonly settledMinor: number;
  readonly settlements: Readonly<Record<string, ApprovedSettlement>>;
  /** The day the rep leaves, once their departure is recorded. */
  readonly departure: { readonly leavesOn: DateOnly } | null;
}

/** The state of a stream with no events. */
export const initialCommissionState: CommissionState = {
  currency: null,
  months: {},
  days: {},
  bookings: {},
  causes: {},
  periods: {},
  settledMinor: 0,
  settlements: {},
  departure: null,
};

/** The period's base under its plan: net collected or net booked over its months. */
export const periodBase = (state: CommissionState, period: string, plan: CommissionPlan): number =>
  monthsOf(period).reduce((sum, month) => sum + (state.months[month]?.[plan.base] ?? 0), 0);

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

type BaseRecorded = Extract<CommissionEvent, { type: 'CommissionBaseRecorded' }>['data'];

const addToBase = (
  totals: Readonly<Record<string, BaseTotals>>,
  key: string,
  { base, amount }: BaseRecorded,
): Readonly<Record<string, BaseTotals>> => {
  const current = totals[key] ?? { collected: 0, booked: 0 };
  return { ...totals, [key]: { ...current, [base]: current[base] + amount.amountMinor } };
};

const recordBase = (state: CommissionState, data: BaseRecorded): CommissionState => {
  const { base, amount, countsOn, opportunityId, causeEventId } = data;
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
    months: addToBase(state.months, monthOf(countsOn), data),
    days: addToBase(state.days, countsOn, data),
    bookings,
  };
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
          [period]: {
            plan,
            targetMinor: target.amountMinor,
            accruedMinor: 0,
            clawedBackMinor: 0,
            withheldMinor: 0,
          },
        },
      };
    }
    case 'CommissionTargetAdjusted':
      return updatePeriod(state, event.data.period, () => ({
        targetMinor: event.data.target.amountMinor,
      }));
    case 'CommissionBaseRecorded':
      return recordBase(state, event.data);
    case 'CommissionAccrued':
      return updatePeriod(state, event.data.period, (ledger) => ({
        accruedMinor: ledger.accruedMinor + event.data.amount.amountMinor,
      }));
    case 'CommissionClawedBack':
      return updatePeriod(state, event.data.period, (ledger) => ({
        clawedBackMinor: ledger.clawedBackMinor + event.data.amount.amountMinor,
      }));
    case 'CommissionRepDeparted':
      return { ...state, departure: { leavesOn: event.data.leavesOn } };
    case 'LeaverCommissionWithheld':
      return updatePeriod(state, event.data.period, (ledger) => ({
        withheldMinor: ledger.withheldMinor + event.data.amount.amountMinor,
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
