import * as t from 'io-ts';
import { eventCodec } from '../shared/eventCodec.js';
import { DateOnly } from '../shared/dates.js';
import { Money, NonNegativeMoney } from '../shared/money.js';
import { SalesPeriod } from '../shared/period.js';
import { CommissionPlan } from './plan.js';

/** A plan and a target now govern the rep's commission for a period. */
export const CommissionPlanAssigned = eventCodec(
  'CommissionPlanAssigned',
  t.type({ repId: t.string, period: SalesPeriod, plan: CommissionPlan, target: NonNegativeMoney }),
);
/** The period's target changed (a manager adjusted it); tier thresholds move with it. */
export const CommissionTargetAdjusted = eventCodec(
  'CommissionTargetAdjusted',
  t.type({
    repId: t.string,
    period: SalesPeriod,
    target: NonNegativeMoney,
    previousTarget: NonNegativeMoney,
  }),
);
/**
 * The rep's commission base changed because of another event (`causeEventId`): a payment (+) or a
 * refund (−) collected, a deal booked won (+) or its booking reversed (−). `countsOn` is the day
 * whose period it counts in.
 */
export const CommissionBaseRecorded = eventCodec(
  'CommissionBaseRecorded',
  t.intersection([
    t.type({
      repId: t.string,
      causeEventId: t.string,
      base: t.keyof({ collected: null, booked: null }),
      amount: Money,
      countsOn: DateOnly,
    }),
    t.partial({ invoiceId: t.string, opportunityId: t.string }),
  ]),
);

const Posting = t.type({
  repId: t.string,
  period: SalesPeriod,
  amount: NonNegativeMoney,
  /** The event that moved the base, or null when a plan or target change did. */
  causeEventId: t.union([t.string, t.null]),
  /** What the plan pays for the period after this posting: accrued − clawed back. */
  entitlement: NonNegativeMoney,
});
/** Commission earned: the plan applied to the period's base rose. */
export const CommissionAccrued = eventCodec('CommissionAccrued', Posting);
/** Commission taken back: the plan applied to the period's base fell (a refund, a reversal). */
export const CommissionClawedBack = eventCodec('CommissionClawedBack', Posting);
/**
 * A settlement was approved: what the rep is owed now, all periods together, less what earlier
 * settlements paid. When clawbacks exceed new accruals nothing is payable and `debt` is carried into
 * the next settlement. A settlement never changes afterwards.
 */
export const CommissionSettled = eventCodec(
  'CommissionSettled',
  t.type({
    repId: t.string,
    settlementId: t.string,
    settledOn: DateOnly,
    entitlement: NonNegativeMoney,
    previouslySettled: NonNegativeMoney,
    payable: NonNegativeMoney,
    debt: NonNegativeMoney,
  }),
);
/** An approved settlement was paid out. */
export const CommissionSettlementPaid = eventCodec(
  'CommissionSettlementPaid',
  t.type({ repId: t.string, settlementId: t.string, paidOn: DateOnly, amount: NonNegativeMoney }),
);

/**
 * The rep leaves on `leavesOn` (their offboarding, `causeEventId`): from then on each period's plan
 * applies its rule for leavers to the base counted on or after that day.
 */
export const CommissionRepDeparted = eventCodec(
  'CommissionRepDeparted',
  t.type({ repId: t.string, causeEventId: t.string, leavesOn: DateOnly }),
);
/**
 * The plan's rule for leavers changed what a rep who left earns for a period: `withheld` is what
 * `keep` would pay for the period less what the rule pays (the posting's `entitlement`), `amount`
 * the change of it that `causeEventId` made (a payment or refund after leaving, the departure
 * itself, or null for a plan or target change). Under `prorate` the leaver keeps
 * `daysWorked / daysInPeriod` of the commission on the base counted after leaving. Withheld
 * commission goes to nobody. Both amounts are negative when refunds after leaving, not clawed
 * back, outweigh payments.
 */
export const LeaverCommissionWithheld = eventCodec(
  'LeaverCommissionWithheld',
  t.intersection([
    t.type({
      repId: t.string,
      period: SalesPeriod,
      causeEventId: t.union([t.string, t.null]),
      rule: t.keyof({ prorate: null, forfeit: null }),
      leavesOn: DateOnly,
      amount: Money,
      withheld: Money,
    }),
    t.partial({ daysWorked: t.number, daysInPeriod: t.number }),
  ]),
);

/** Every event of a rep's Commission stream. */
export const CommissionEvent = t.union(
  [
    CommissionPlanAssigned,
    CommissionTargetAdjusted,
    CommissionBaseRecorded,
    CommissionAccrued,
    CommissionClawedBack,
    CommissionSettled,
    CommissionSettlementPaid,
    CommissionRepDeparted,
    LeaverCommissionWithheld,
  ],
  'CommissionEvent',
);
/** Every event of a rep's Commission stream. */
export type CommissionEvent = t.TypeOf<typeof CommissionEvent>;
