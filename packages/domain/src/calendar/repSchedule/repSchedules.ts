import * as E from 'fp-ts/lib/Either.js';
import type { CommandContext, Decider, EventStore } from '@clientele/eventstore';
import { IsoInstant, createCommandHandler } from '@clientele/eventstore';
import { stepContext } from '../../reservations/stepContext.js';
import type { DoubleBookingOverride } from '../values.js';
import type { RepDoubleBooked, RepScheduleCommand } from './decide.js';
import type { RepScheduleState, ReservedSlot } from './events.js';
import { slotKey } from './events.js';
import { repScheduleDecider } from './decide.js';
import { RepScheduleEvent } from './events.js';
import { repScheduleStream, utcDaysTouched } from './repScheduleDays.js';

/** One stretch of time for a set of reps. */
export interface SlotRequest {
  readonly appointmentId: string;
  readonly reps: readonly string[];
  readonly start: IsoInstant;
  readonly end: IsoInstant;
}

/** Reserves and releases reps' time, one stream per rep and UTC day. */
export interface RepSchedules {
  /**
   * Reserves the time for every rep on every day it touches, in sorted stream order, or none: on
   * the first refusal it releases what it reserved and returns the conflict.
   */
  reserve(
    request: SlotRequest,
    override: DoubleBookingOverride | undefined,
    context: CommandContext,
  ): Promise<E.Either<RepDoubleBooked, void>>;
  /** Releases the time; what is not held is left alone. */
  release(request: SlotRequest, context: CommandContext): Promise<void>;
  /** The slots a rep holds on the UTC days `[from, to)` touches. */
  busy(repId: string, from: IsoInstant, to: IsoInstant): Promise<readonly ReservedSlot[]>;
}

/**
 * How reservations left by a crash are found: whether the appointment holds a slot (it was
 * booked or moved there, is not cancelled, and the rep did not decline), and how old an orphaned
 * reservation must be before another booking takes its time.
 */
export interface OrphanedReservations {
  holds(repId: string, slot: ReservedSlot): Promise<boolean>;
  readonly timeoutMs: number;
}

/** Options of {@link createRepSchedules}. */
export interface RepSchedulesOptions {
  readonly newEventId?: () => string;
  /** Without it, a reservation is never taken over. */
  readonly orphans?: OrphanedReservations;
}

const streamsOf = (request: SlotRequest) =>
  request.reps
    .flatMap((repId) =>
      utcDaysTouched(request.start, request.end).map((day) => ({
        repId,
        stream: repScheduleStream(repId, day),
      })),
    )
    .sort((a, b) => (a.stream < b.stream ? -1 : a.stream > b.stream ? 1 : 0));

/**
 * Reps' schedules the event-sourced way: a reservation is appended under the day stream's
 * expected revision, so two bookings racing for the same rep conflict in the engine, the loser
 * reloads, sees the winner's slot and is refused. Sorted stream order means two bookings sharing
 * two rep-days cannot each take one and both fail.
 */
export const createRepSchedules = (
  store: EventStore,
  options: RepSchedulesOptions,
): RepSchedules => {
  // Commands carry the day stream they address; the decider itself never needs it.
  const decider: Decider<
    RepScheduleCommand & { readonly stream: string },
    RepScheduleEvent,
    RepScheduleState,
    RepDoubleBooked
  > = repScheduleDecider;
  const handler = createCommandHandler({
    store,
    decider,
    eventCodec: RepScheduleEvent,
    streamName: (command) => command.stream,
    maxAttempts: 50,
    // Reservations are steps of a booking the calendar service authorized before reserving
    // anything; they are never an entry point of their own.
    authorize: () => E.right(undefined),
    newEventId: options.newEventId,
  });

  const release: RepSchedules['release'] = async (request, context) => {
    const { start, end } = request;
    for (const { repId, stream } of streamsOf(request)) {
      const released = await handler.handle(
        { kind: 'ReleaseSlot', repId, appointmentId: request.appointmentId, start, end, stream },
        stepContext(context, `release:${stream}:${start}/${end}`),
      );
      if (E.isLeft(released)) throw new Error(`could not release ${stream}: ${released.left.kind}`);
    }
  };

  /**
   * Releases the reservations in the way that their appointments do not hold, once they are old
   * enough; says whether any went.
   */
  const releaseOrphans = async (
    at: { readonly repId: string; readonly stream: string },
    conflict: RepDoubleBooked,
    request: SlotRequest,
    context: CommandContext,
  ): Promise<boolean> => {
    const { orphans } = options;
    const now = context.occurredAt;
    if (orphans === undefined || !IsoInstant.is(now)) return false;
    const { state, revision } = await handler.load(at.stream);
    let released = false;
    for (const slot of state.slots) {
      if (!conflict.conflictsWith.includes(slot.appointmentId)) continue;
      if (await orphans.holds(at.repId, slot)) continue;
      const outcome = await handler.handle(
        {
          kind: 'ReleaseOrphanedSlot',
          repId: at.repId,
          ...slot,
          takenOverBy: request.appointmentId,
          at: now,
          timeoutMs: orphans.timeoutMs,
          stream: at.stream,
        },
        stepContext(context, `orphan:${at.stream}:${String(revision)}:${slotKey(slot)}`),
      );
      released ||= E.isRight(outcome) && outcome.right.events.length > 0;
    }
    return released;
  };

  /** Reserves one rep-day; a conflict with orphaned reservations takes their time over once. */
  const reserveDay = async (
    at: { readonly repId: string; readonly stream: string },
    request: SlotRequest & { readonly override: DoubleBookingOverride | undefined },
    context: CommandContext,
  ) => {
    const { start, end, override } = request;
    const now = context.occurredAt;
    const attempt = (step: string) =>
      handler.handle(
        {
          kind: 'ReserveSlot',
          repId: at.repId,
          appointmentId: request.appointmentId,
          start,
          end,
          stream: at.stream,
          ...(IsoInstant.is(now) ? { reservedAt: now } : {}),
          ...(override === undefined ? {} : { override }),
        },
        stepContext(context, `${step}:${at.stream}:${start}/${end}`),
      );
    const outcome = await attempt('reserve');
    if (E.isRight(outcome) || outcome.left.kind !== 'Rejected') return outcome;
    return (await releaseOrphans(at, outcome.left.error, request, context))
      ? attempt('reserve-after-takeover')
      : outcome;
  };

  const reserve: RepSchedules['reserve'] = async (request, override, context) => {
    const reserved: string[] = [];
    for (const { repId, stream } of streamsOf(request)) {
      const outcome = await reserveDay({ repId, stream }, { ...request, override }, context);
      if (E.isRight(outcome)) {
        reserved.push(repId);
        continue;
      }
      await release({ ...request, reps: [...new Set(reserved)] }, stepContext(context, 'undo'));
      if (outcome.left.kind === 'Rejected') return E.left(outcome.left.error);
      throw new Error(`could not reserve ${stream}: ${outcome.left.kind}`);
    }
    return E.right(undefined);
  };

  const busy: RepSchedules['busy'] = async (repId, from, to) => {
    const slots: ReservedSlot[] = [];
    for (const day of utcDaysTouched(from, to)) {
      const { state } = await handler.load(repScheduleStream(repId, day));
      slots.push(...state.slots);
    }
    return slots;
  };

  return { reserve, release, busy };
};
