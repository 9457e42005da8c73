import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import type { Decider } from '@clientele/eventstore';
import { IsoInstant } from '@clientele/eventstore';
import type { RepScheduleEvent, RepScheduleState } from './events.js';
import { DoubleBookingOverride } from '../values.js';
import { evolveRepSchedule, sameSlot, slotKey } from './events.js';

/** Take the rep's time for an appointment (again, with new times, when it moves). */
export const ReserveSlot = t.intersection(
  [
    t.type({
      kind: t.literal('ReserveSlot'),
      repId: t.string,
      appointmentId: t.string,
      start: IsoInstant,
      end: IsoInstant,
    }),
    t.partial({ override: DoubleBookingOverride, reservedAt: IsoInstant }),
  ],
  'ReserveSlot',
);
/** Give a stretch of the rep's time back. */
export const ReleaseSlot = t.type(
  {
    kind: t.literal('ReleaseSlot'),
    repId: t.string,
    appointmentId: t.string,
    start: IsoInstant,
    end: IsoInstant,
  },
  'ReleaseSlot',
);
/**
 * Release a reservation the caller found orphaned (its appointment does not hold that time) for
 * `takenOverBy`. The decider releases it only once it is `timeoutMs` old at `at`, so a booking
 * that is merely slow keeps its time.
 */
export const ReleaseOrphanedSlot = t.type(
  {
    kind: t.literal('ReleaseOrphanedSlot'),
    repId: t.string,
    appointmentId: t.string,
    start: IsoInstant,
    end: IsoInstant,
    takenOverBy: t.string,
    at: IsoInstant,
    timeoutMs: t.number,
  },
  'ReleaseOrphanedSlot',
);
/** Release a reservation found orphaned. */
export type ReleaseOrphanedSlot = t.TypeOf<typeof ReleaseOrphanedSlot>;
/** Every command of a rep's schedule. */
export const RepScheduleCommand = t.union(
  [ReserveSlot, ReleaseSlot, ReleaseOrphanedSlot],
  'RepScheduleCommand',
);
/** Every command of a rep's schedule. */
export type RepScheduleCommand = t.TypeOf<typeof RepScheduleCommand>;

/** Why a rep's time could not be taken: other appointments overlap it. */
export interface RepDoubleBooked {
  readonly kind: 'RepDoubleBooked';
  readonly repId: string;
  readonly conflictsWith: readonly string[];
}

/** Whether two half-open intervals `[start, end)` overlap. */
export const overlaps = (
  a: { readonly start: string; readonly end: string },
  b: { readonly start: string; readonly end: string },
): boolean => Date.parse(a.start) < Date.parse(b.end) && Date.parse(b.start) < Date.parse(a.end);

/**
 * An orphan is released once its reservation is `timeoutMs` old; a reservation without a time
 * (recorded before reservations had one) is old enough. A slot no longer held needs nothing.
 */
const releaseOrphan = (
  command: ReleaseOrphanedSlot,
  state: RepScheduleState,
): readonly RepScheduleEvent[] => {
  const { repId, appointmentId, start, end, takenOverBy } = command;
  const slot = { appointmentId, start, end };
  if (!state.slots.some((held) => sameSlot(held, slot))) return [];
  const reservedAt = state.reservedAt[slotKey(slot)];
  const age = reservedAt === undefined ? Infinity : Date.parse(command.at) - Date.parse(reservedAt);
  return age < command.timeoutMs
    ? []
    : [{ type: 'OrphanedSlotReleased', data: { repId, ...slot, takenOverBy } }];
};

const decide = (
  command: RepScheduleCommand,
  state: RepScheduleState,
): E.Either<RepDoubleBooked, readonly RepScheduleEvent[]> => {
  const { repId, appointmentId, start, end } = command;
  const held = state.slots.some((slot) => sameSlot(slot, command));
  switch (command.kind) {
    case 'ReserveSlot': {
      const { override, reservedAt } = command;
      // The same reservation again is a retry, not a conflict.
      if (held) return E.right([]);
      const conflictsWith = state.slots
        .filter((slot) => slot.appointmentId !== appointmentId && overlaps(slot, command))
        .map((slot) => slot.appointmentId);
      if (conflictsWith.length > 0 && override === undefined) {
        return E.left({ kind: 'RepDoubleBooked', repId, conflictsWith });
      }
      return E.right([
        {
          type: 'SlotReserved',
          data: {
            repId,
            appointmentId,
            start,
            end,
            ...(reservedAt === undefined ? {} : { reservedAt }),
            ...(conflictsWith.length === 0 || override === undefined
              ? {}
              : { overrode: { ...override, conflictsWith } }),
          },
        },
      ]);
    }
    case 'ReleaseSlot':
      return E.right(
        held ? [{ type: 'SlotReleased', data: { repId, appointmentId, start, end } }] : [],
      );
    case 'ReleaseOrphanedSlot':
      return E.right(releaseOrphan(command, state));
  }
};

/**
 * The decider of one rep's day: no two appointments hold overlapping time unless someone
 * overrode on purpose. Appended under the stream's expected revision, so two bookings racing for
 * the same rep conflict in the engine, reload, and the second is refused: the duplicate check's
 * reservation pattern applied to time.
 */
export const repScheduleDecider: Decider<
  RepScheduleCommand,
  RepScheduleEvent,
  RepScheduleState,
  RepDoubleBooked
> = { initialState: { slots: [], reservedAt: {} }, decide, evolve: evolveRepSchedule };
