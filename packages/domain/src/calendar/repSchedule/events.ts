import * as t from 'io-ts';
import { IsoInstant } from '@clientele/eventstore';
import { DoubleBookingOverride } from '../values.js';

/**
 * A rep's time from `start` to `end` is taken by an appointment. `overrode` is set when it was
 * booked over other appointments on purpose: who did it, why, and which appointments it overlaps.
 */
export const SlotReserved = t.type(
  {
    type: t.literal('SlotReserved'),
    data: t.intersection([
      t.type({ repId: t.string, appointmentId: t.string, start: IsoInstant, end: IsoInstant }),
      t.partial({
        overrode: t.intersection([
          DoubleBookingOverride,
          t.type({ conflictsWith: t.readonlyArray(t.string) }),
        ]),
      }),
    ]),
  },
  'SlotReserved',
);
/** The appointment gave this stretch of the rep's time back (cancelled, or moved elsewhere). */
export const SlotReleased = t.type(
  {
    type: t.literal('SlotReleased'),
    data: t.type({ repId: t.string, appointmentId: t.string, start: IsoInstant, end: IsoInstant }),
  },
  'SlotReleased',
);

/** Every event of a rep's schedule for one day. */
export const RepScheduleEvent = t.union([SlotReserved, SlotReleased], 'RepScheduleEvent');
/** Every event of a rep's schedule for one day. */
export type RepScheduleEvent = t.TypeOf<typeof RepScheduleEvent>;

/** A reserved stretch of a rep's time. */
export interface ReservedSlot {
  readonly appointmentId: string;
  readonly start: string;
  readonly end: string;
}

/** The slots a rep's day holds (an appointment being moved holds its old and new slot a moment). */
export interface RepScheduleState {
  readonly slots: readonly ReservedSlot[];
}

/** Whether two slots are the same appointment's same stretch of time. */
export const sameSlot = (a: ReservedSlot, b: ReservedSlot): boolean =>
  a.appointmentId === b.appointmentId && a.start === b.start && a.end === b.end;

/** Folds one event into the day's schedule. */
export const evolveRepSchedule = (
  state: RepScheduleState,
  event: RepScheduleEvent,
): RepScheduleState => {
  const { appointmentId, start, end } = event.data;
  const others = state.slots.filter((slot) => !sameSlot(slot, event.data));
  switch (event.type) {
    case 'SlotReserved':
      return { slots: [...others, { appointmentId, start, end }] };
    case 'SlotReleased':
      return { slots: others };
  }
};
