import * as t from 'io-ts';
import { commandCodecFor } from '../shared/commandCodec.js';
import { DateOnly } from '../shared/dates.js';
import { Money, NonNegativeMoney } from '../shared/money.js';
import { SalesPeriod } from '../shared/period.js';
import { CommissionPlan } from './plan.js';

const command = commandCodecFor('repId');

/** Put a rep on a plan with a target for a period (periods of one rep may not overlap). */
export const AssignCommissionPlan = command(
  'AssignCommissionPlan',
  { period: SalesPeriod, plan: CommissionPlan, target: NonNegativeMoney },
  {},
);
/** Change the period's target. */
export const AdjustCommissionTarget = command(
  'AdjustCommissionTarget',
  { period: SalesPeriod, target: NonNegativeMoney },
  {},
);
/** A payment (positive) or refund (negative) on the rep's won deal, counted on `collectedOn`. */
export const RecordCollection = command(
  'RecordCollection',
  { causeEventId: t.string, amount: Money, collectedOn: DateOnly, invoiceId: t.string },
  {},
);
/** A deal of the rep was won: its amount is booked on the day it was won. */
export const RecordBooking = command(
  'RecordBooking',
  { causeEventId: t.string, opportunityId: t.string, amount: NonNegativeMoney, bookedOn: DateOnly },
  {},
);
/** A won deal was reopened or its invoice cancelled: its booking is taken back. */
export const ReverseBooking = command(
  'ReverseBooking',
  { causeEventId: t.string, opportunityId: t.string },
  {},
);
/**
 * The rep leaves on `leavesOn` (`causeEventId` is their `RepOffboarded`): the plans' rules for
 * leavers apply from then on. A rep leaves once; a second departure changes nothing.
 */
export const RecordRepDeparture = command(
  'RecordRepDeparture',
  { causeEventId: t.string, leavesOn: DateOnly },
  {},
);
/** Approve a settlement of everything owed so far. */
export const SettleCommission = command(
  'SettleCommission',
  { settlementId: t.string, settledOn: DateOnly },
  {},
);
/** Pay an approved settlement. */
export const PayCommissionSettlement = command(
  'PayCommissionSettlement',
  { settlementId: t.string, paidOn: DateOnly },
  {},
);

/** Every command of the Commission aggregate. */
export const CommissionCommand = t.union(
  [
    AssignCommissionPlan,
    AdjustCommissionTarget,
    RecordCollection,
    RecordBooking,
    ReverseBooking,
    RecordRepDeparture,
    SettleCommission,
    PayCommissionSettlement,
  ],
  'CommissionCommand',
);
/** Every command of the Commission aggregate. */
export type CommissionCommand = t.TypeOf<typeof CommissionCommand>;

/**
 * A Commission command as code writes it: plain strings and numbers where the decoded
 * command has branded values (days, currencies, normalized emails). \`send\` takes it and decodes it.
 */
export type CommissionCommandInput = t.OutputOf<typeof CommissionCommand>;
