import * as E from 'fp-ts/lib/Either.js';
import type { CommissionCommand } from './commands.js';
import type { CommissionEvent } from './events.js';
import type { CommissionDecision } from './postings.js';
import type { CommissionState } from './state.js';
import { money } from '../shared/money.js';
import { checkCurrency } from './planDecisions.js';
import { emit, withPostings } from './postings.js';
import { periodOfDay } from './state.js';

type Command<K extends CommissionCommand['kind']> = Extract<CommissionCommand, { kind: K }>;
type BaseRecorded = Extract<CommissionEvent, { type: 'CommissionBaseRecorded' }>['data'];

/** Records a change of base and posts what it changes in the period it counts in. */
const recordBase = (state: CommissionState, data: BaseRecorded): CommissionDecision => {
  const mismatch = checkCurrency(state, data.amount.currency);
  if (mismatch !== undefined) return E.left(mismatch);
  return withPostings(
    state,
    [{ type: 'CommissionBaseRecorded', data }],
    [periodOfDay(state, data.countsOn)],
    data,
  );
};

/** A payment (+) or refund (−) on the rep's won deal; each cause counts once. */
export const recordCollection = (
  { repId, causeEventId, amount, collectedOn, invoiceId }: Command<'RecordCollection'>,
  state: CommissionState,
): CommissionDecision =>
  state.causes[causeEventId]
    ? emit()
    : recordBase(state, {
        repId,
        causeEventId,
        base: 'collected',
        amount,
        countsOn: collectedOn,
        invoiceId,
      });

/** A won deal's amount, booked on the day it was won; a deal booked and not reversed counts once. */
export const recordBooking = (
  { repId, causeEventId, opportunityId, amount, bookedOn }: Command<'RecordBooking'>,
  state: CommissionState,
): CommissionDecision =>
  state.causes[causeEventId] || state.bookings[opportunityId]?.active
    ? emit()
    : recordBase(state, {
        repId,
        causeEventId,
        base: 'booked',
        amount: money(amount.amountMinor, amount.currency),
        countsOn: bookedOn,
        opportunityId,
      });

/** Takes back exactly the booking of a deal reopened or whose invoice was cancelled. */
export const reverseBooking = (
  { repId, causeEventId, opportunityId }: Command<'ReverseBooking'>,
  state: CommissionState,
): CommissionDecision => {
  const booking = state.bookings[opportunityId];
  if (state.causes[causeEventId] || booking === undefined || !booking.active) return emit();
  return recordBase(state, {
    repId,
    causeEventId,
    base: 'booked',
    amount: money(-booking.amountMinor, booking.currency),
    countsOn: booking.countsOn,
    opportunityId,
  });
};

/**
 * The rep leaves: every period is posted again under its plan's rule for leavers, so base
 * recorded before the departure was known but counted after `leavesOn` is withheld too, and the
 * ledger ends the same whatever order the departure and the payments arrived in.
 */
export const recordDeparture = (
  { repId, causeEventId, leavesOn }: Command<'RecordRepDeparture'>,
  state: CommissionState,
): CommissionDecision =>
  state.departure !== null
    ? emit()
    : withPostings(
        state,
        [{ type: 'CommissionRepDeparted', data: { repId, causeEventId, leavesOn } }],
        Object.keys(state.periods).sort(),
        { repId, causeEventId },
      );
