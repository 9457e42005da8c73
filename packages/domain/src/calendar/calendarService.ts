import * as E from 'fp-ts/lib/Either.js';
import type {
  CommandAuthorizer,
  CommandContext,
  EventStore,
  IsoInstant,
} from '@clientele/eventstore';
import { createCommandHandler, streamName } from '@clientele/eventstore';
import type { BusinessCalendar } from '../sla/businessCalendar.js';
import type { CommandEntry, EntryResult } from '../shared/commandEntry.js';
import type { Interval } from './availability.js';
import type { AppointmentCommandInput } from './commands.js';
import type { AppointmentError } from './errors.js';
import type { AppointmentEvent } from './events.js';
import type { AppointmentState } from './state.js';
import { stepContext } from '../reservations/stepContext.js';
import { decodeCommand, entryFailure } from '../shared/commandEntry.js';
import { freeSlots } from './availability.js';
import { AppointmentCommand } from './commands.js';
import { appointmentDecider } from './decide.js';
import { AppointmentEvent as AppointmentEventCodec } from './events.js';
import { createRepSchedules } from './repSchedule/repSchedules.js';

/** The stream of an appointment. */
export const appointmentStream = (appointmentId: string): string =>
  streamName('Appointment', appointmentId);

/** What an availability query asks of the calendar service. */
export interface RepAvailabilityQuery {
  readonly reps: readonly string[];
  readonly from: IsoInstant;
  readonly to: IsoInstant;
  readonly minimumMinutes: number;
  /** Working hours: the business calendar SLAs use. */
  readonly calendar: BusinessCalendar;
}

/** The calendar write side: appointments, with reps' time reserved so nobody is double-booked. */
export interface CalendarService extends CommandEntry<
  AppointmentEvent,
  AppointmentState,
  AppointmentError,
  AppointmentCommandInput
> {
  load(appointmentId: string): Promise<AppointmentState>;
  /** Free stretches within working hours when every one of the reps is free. */
  availability(query: RepAvailabilityQuery): Promise<readonly Interval[]>;
}

/** Options of {@link createCalendarService}. */
export interface CalendarServiceOptions {
  /** Event id generator; a seeded one makes generated histories repeatable. */
  readonly newEventId?: () => string;
  /** Who may do what with appointments: checked against the loaded state before each decision. */
  readonly authorize: CommandAuthorizer<AppointmentCommand, AppointmentState>;
  /**
   * How old a reservation whose appointment does not hold the time (a booking that crashed
   * before it was recorded) must be before another booking takes the time over; 5 minutes.
   */
  readonly reservationTimeoutMs?: number;
}

/** The reps whose time an appointment holds: its reps who have not declined. */
const repsHoldingTime = (state: AppointmentState): readonly string[] =>
  state.booked && !state.cancelled
    ? state.reps.filter((repId) => state.answers[repId] !== 'declined')
    : [];

/** A double-booking override is the actor's own to give: one naming someone else is refused. */
const overrideNotByActor = (
  command: AppointmentCommand,
  context: CommandContext,
): AppointmentError | undefined => {
  const override = 'override' in command ? command.override : undefined;
  if (override === undefined || override.by === context.actor.id) return undefined;
  return {
    kind: 'OverrideNotByActor',
    appointmentId: command.appointmentId,
    by: override.by,
    actorId: context.actor.id,
  };
};

/**
 * The typed entry point of the calendar. An override of a double booking is the acting user's own:
 * one naming someone else is refused. Booking and moving reserve the reps' time first (see
 * `createRepSchedules`), then record the appointment; a refusal leaves no reservation behind.
 * Moving holds old and new time until the move is recorded; cancelling gives the time back, and so
 * does a rep declining. A reservation a crash left behind (its appointment never came to hold the
 * time) is taken over by the next booking that needs the time once `reservationTimeoutMs` passed.
 */
export const createCalendarService = (
  store: EventStore,
  options: CalendarServiceOptions,
): CalendarService => {
  const handler = createCommandHandler({
    store,
    newEventId: options.newEventId,
    authorize: options.authorize,
    decider: appointmentDecider,
    eventCodec: AppointmentEventCodec,
    streamName: (command) => appointmentStream(command.appointmentId),
  });
  const load = async (appointmentId: string) =>
    (await handler.load(appointmentStream(appointmentId))).state;
  const schedules = createRepSchedules(store, {
    newEventId: options.newEventId,
    orphans: {
      timeoutMs: options.reservationTimeoutMs ?? 5 * 60_000,
      holds: async (repId, slot) => {
        const state = await load(slot.appointmentId);
        return (
          state.booked &&
          repsHoldingTime(state).includes(repId) &&
          state.start === slot.start &&
          state.end === slot.end
        );
      },
    },
  });
  const record = async (command: AppointmentCommand, context: CommandContext) =>
    E.mapLeft(entryFailure<AppointmentError>)(
      await handler.handle(command, stepContext(context, 'appointment')),
    );

  /** Book or move: the reps' new time first, then the appointment, then the old time back. */
  const takeTime = async (
    command: Extract<AppointmentCommand, { kind: 'BookAppointment' | 'MoveAppointment' }>,
    state: AppointmentState,
    context: CommandContext,
  ): EntryResult<AppointmentEvent, AppointmentState, AppointmentError> => {
    const reps = command.kind === 'BookAppointment' ? command.reps : repsHoldingTime(state);
    const { appointmentId, start, end } = command;
    const request = { appointmentId, reps, start, end };
    const reserved = await schedules.reserve(
      request,
      command.override,
      stepContext(context, 'reserve'),
    );
    if (E.isLeft(reserved)) return E.left(reserved.left);
    const recorded = await record(command, context);
    if (E.isLeft(recorded)) {
      await schedules.release(request, stepContext(context, 'undo'));
    } else if (state.booked) {
      const old = { ...request, start: state.start, end: state.end };
      await schedules.release(old, stepContext(context, 'release-old'));
    }
    return recorded;
  };

  /**
   * A rep's answer: declining gives the rep's time back once it is recorded; accepting again
   * after a decline takes the time first, so the rep is never double-booked by changing their mind.
   */
  const answer = async (
    command: Extract<AppointmentCommand, { kind: 'AnswerInvitation' }>,
    state: AppointmentState,
    context: CommandContext,
  ): EntryResult<AppointmentEvent, AppointmentState, AppointmentError> => {
    const { appointmentId, participantId } = command;
    if (!state.booked || state.cancelled || !state.reps.includes(participantId))
      return record(command, context);
    const slot = { appointmentId, reps: [participantId], start: state.start, end: state.end };
    const wasDeclined = state.answers[participantId] === 'declined';
    if (command.answer === 'declined' || !wasDeclined) {
      const recorded = await record(command, context);
      if (E.isRight(recorded) && command.answer === 'declined' && !wasDeclined)
        await schedules.release(slot, stepContext(context, 'declined'));
      return recorded;
    }
    const reserved = await schedules.reserve(slot, undefined, stepContext(context, 'accepted'));
    if (E.isLeft(reserved)) return E.left(reserved.left);
    const recorded = await record(command, context);
    if (E.isLeft(recorded)) await schedules.release(slot, stepContext(context, 'undo'));
    return recorded;
  };

  const handle = async (
    input: unknown,
    context: CommandContext,
  ): EntryResult<AppointmentEvent, AppointmentState, AppointmentError> => {
    const decoded = decodeCommand(AppointmentCommand, input);
    if (E.isLeft(decoded)) return decoded;
    const command = decoded.right;
    const notByActor = overrideNotByActor(command, context);
    if (notByActor !== undefined) return E.left(notByActor);
    const { state } = await handler.load(appointmentStream(command.appointmentId));
    // Authorize before reserving, so a command the actor may not give reserves nothing either.
    const permitted = options.authorize(command, state, context);
    if (E.isLeft(permitted)) return E.left({ kind: 'Forbidden', denial: permitted.left });
    // Decide once before reserving, so a command the appointment refuses reserves nothing.
    const precheck = appointmentDecider.decide(command, state);
    if (E.isLeft(precheck)) return E.left(precheck.left);
    if (command.kind === 'BookAppointment') return takeTime(command, state, context);
    if (command.kind === 'AnswerInvitation') return answer(command, state, context);
    if (command.kind === 'MoveAppointment' && precheck.right.length > 0) {
      return takeTime(command, state, context);
    }
    const recorded = await record(command, context);
    if (E.isRight(recorded) && command.kind === 'CancelAppointment' && state.booked) {
      const { appointmentId, reps, start, end } = state;
      await schedules.release({ appointmentId, reps, start, end }, stepContext(context, 'release'));
    }
    return recorded;
  };

  const availability: CalendarService['availability'] = async (query) => {
    const busy: Interval[] = [];
    for (const repId of query.reps) {
      for (const slot of await schedules.busy(repId, query.from, query.to)) {
        busy.push({ start: Date.parse(slot.start), end: Date.parse(slot.end) });
      }
    }
    const window = { from: Date.parse(query.from), to: Date.parse(query.to) };
    return freeSlots(
      { calendar: query.calendar, minimumMinutes: query.minimumMinutes, ...window },
      busy,
    );
  };

  return {
    handle,
    send: handle,
    load,
    availability,
  };
};
