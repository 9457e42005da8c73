import * as E from 'fp-ts/lib/Either.js';
import type { CommandContext, Decider, EventStore, IsoInstant } from '@clientele/eventstore';
import { createCommandHandler } from '@clientele/eventstore';
import { stepContext } from '../../reservations/stepContext.js';
import type { DoubleBookingOverride } from '../values.js';
import type { RepDoubleBooked, RepScheduleCommand } from './decide.js';
import type { RepScheduleState, ReservedSlot } from './events.js';
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

/** Options of {@link createRepSchedules}. */
export interface RepSchedulesOptions {
  readonly newEventId?: () => string;
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
    ...(options.newEventId === undefined ? {} : { newEventId: options.newEventId }),
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

  const reserve: RepSchedules['reserve'] = async (request, override, context) => {
    const { start, end } = request;
    const reserved: string[] = [];
    for (const { repId, stream } of streamsOf(request)) {
      const outcome = await handler.handle(
        {
          kind: 'ReserveSlot',
          repId,
          appointmentId: request.appointmentId,
          start,
          end,
          stream,
          ...(override === undefined ? {} : { override }),
        },
        stepContext(context, `reserve:${stream}:${start}/${end}`),
      );
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
