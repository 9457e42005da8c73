import * as t from 'io-ts';
import { IsoInstant } from '@clientele/eventstore';
import { DoubleBookingOverride } from '../values.js';

/**
 * A rep's time from `start` to `end` is taken by an appointment. `overrode` is set when it was
 * booked over other appointments on purpose: who did it, why, and which appointments it overlaps.
 * `reservedAt` (absent on reservations recorded before it existed) is when it was taken, so a
 * reservation whose booking never completed can be taken over once it is old enough.
 */
export const SlotReserved = t.type(
  {
    type: t.literal('SlotReserved'),
    data: t.intersection([
      t.type({ repId: t.string, appointmentId: t.string, start: IsoInstant, end: IsoInstant }),
      t.partial({
        reservedAt: IsoInstant,
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

/**
 * A reservation whose appointment does not hold that time (its booking or move crashed before it
 * was recorded, or the rep declined and the release never ran) was released after the timeout,
 * for the appointment `takenOverBy` that needed the time.
 */
export const OrphanedSlotReleased = t.type(
  {
    type: t.literal('OrphanedSlotReleased'),
    data: t.type({
      repId: t.string,
      appointmentId: t.string,
      start: IsoInstant,
      end: IsoInstant,
      takenOverBy: t.string,
    }),
  },
  'OrphanedSlotReleased',
);

/** Every event of a rep's schedule for one day. */
export const RepScheduleEvent = t.union(
  [SlotReserved, SlotReleased, OrphanedSlotReleased],
  'RepScheduleEvent',
);
/** Every event of a rep's schedule for one day. */
export type RepScheduleEvent = t.TypeOf<typeof RepScheduleEvent>;

/** A reserved stretch of a rep's time. */
export interface ReservedSlot {
  readonly appointmentId: string;
  readonly start: IsoInstant;
  readonly end: IsoInstant;
}

/** The slots a rep's day holds (an appointment being moved holds its old and new slot a moment). */
export interface RepScheduleState {
  readonly slots: readonly ReservedSlot[];
  /** When each slot was reserved, by {@link slotKey}, when its reservation says. */
  readonly reservedAt: Readonly<Record<string, string>>;
}

/** A slot's key: its appointment and its stretch of time. */
export const slotKey = (slot: ReservedSlot): string =>
  `${slot.appointmentId}/${slot.start}/${slot.end}`;

/** Whether two slots are the same appointment's same stretch of time. */
export const sameSlot = (a: ReservedSlot, b: ReservedSlot): boolean =>
  a.appointmentId === b.appointmentId && a.start === b.start && a.end === b.end;

/** Folds one event into the day's schedule. */
export const evolveRepSchedule = (
  state: RepScheduleState,
  event: RepScheduleEvent,
): RepScheduleState => {
  const { appointmentId, start, end } = event.data;
  const slot = { appointmentId, start, end };
  const others = state.slots.filter((held) => !sameSlot(held, slot));
  const { [slotKey(slot)]: _released, ...reservedAt } = state.reservedAt;
  switch (event.type) {
    case 'SlotReserved':
      return {
        slots: [...others, slot],
        reservedAt:
          event.data.reservedAt === undefined
            ? reservedAt
            : { ...reservedAt, [slotKey(slot)]: event.data.reservedAt },
      };
    case 'SlotReleased':
    case 'OrphanedSlotReleased':
      return { slots: others, reservedAt };
  }
};
