import * as E from 'fp-ts/lib/Either.js';
import type { Decider } from '@clientele/eventstore';
import type { AppointmentCommand } from './commands.js';
import type { AppointmentError } from './errors.js';
import type { AppointmentEvent } from './events.js';
import type { AppointmentState, BookedAppointment } from './state.js';
import { evolveAppointment, initialAppointmentState } from './state.js';

type Decision = E.Either<AppointmentError, readonly AppointmentEvent[]>;
type BookAppointment = Extract<AppointmentCommand, { kind: 'BookAppointment' }>;

const endsAfterStart = (command: { start: string; end: string }): boolean =>
  Date.parse(command.end) > Date.parse(command.start);

const book = (command: BookAppointment): Decision => {
  const { kind: _, reps, contacts, ...rest } = command;
  const { appointmentId } = command;
  if (!endsAfterStart(command))
    return E.left({ kind: 'AppointmentEndsBeforeStart', appointmentId });
  const distinctReps = [...new Set(reps)];
  if (distinctReps.length === 0) return E.left({ kind: 'AppointmentWithoutRep', appointmentId });
  return E.right([
    {
      type: 'AppointmentBooked',
      data: { ...rest, reps: distinctReps, contacts: contacts ?? [] },
    },
  ]);
};

const decideBooked = (
  command: Exclude<AppointmentCommand, BookAppointment>,
  appointment: BookedAppointment,
): Decision => {
  const { appointmentId } = appointment;
  if (appointment.cancelled) {
    return command.kind === 'CancelAppointment'
      ? E.right([])
      : E.left({ kind: 'AppointmentCancelled', appointmentId });
  }
  switch (command.kind) {
    case 'MoveAppointment': {
      if (!endsAfterStart(command)) {
        return E.left({ kind: 'AppointmentEndsBeforeStart', appointmentId });
      }
      const { start, end, override } = command;
      if (start === appointment.start && end === appointment.end) return E.right([]);
      return E.right([
        {
          type: 'AppointmentMoved',
          data: {
            appointmentId,
            reps: appointment.reps,
            start,
            end,
            previousStart: appointment.start,
            previousEnd: appointment.end,
            ...(override === undefined ? {} : { override }),
          },
        },
      ]);
    }
    case 'CancelAppointment':
      return E.right([
        {
          type: 'AppointmentCancelled',
          data: {
            appointmentId,
            reps: appointment.reps,
            ...(command.reason === undefined ? {} : { reason: command.reason }),
          },
        },
      ]);
    case 'AnswerInvitation': {
      const { participantId, answer } = command;
      const invited = [...appointment.reps, ...appointment.contactIds].includes(participantId);
      if (!invited) return E.left({ kind: 'NotAParticipant', appointmentId, participantId });
      return E.right(
        appointment.answers[participantId] === answer
          ? []
          : [{ type: 'InvitationAnswered', data: { appointmentId, participantId, answer } }],
      );
    }
    case 'HandOverAppointment': {
      const { organizerId } = command;
      const previousOrganizerId = appointment.organizerId;
      return E.right(
        organizerId === previousOrganizerId
          ? []
          : [
              {
                type: 'AppointmentHandedOver',
                data: { appointmentId, organizerId, previousOrganizerId },
              },
            ],
      );
    }
  }
};

/** Decides an appointment command against the appointment's state. */
export const decideAppointment = (
  command: AppointmentCommand,
  state: AppointmentState,
): Decision => {
  if (command.kind === 'BookAppointment') {
    return state.booked
      ? E.left({ kind: 'AppointmentAlreadyBooked', appointmentId: command.appointmentId })
      : book(command);
  }
  return state.booked
    ? decideBooked(command, state)
    : E.left({ kind: 'AppointmentNotFound', appointmentId: command.appointmentId });
};

/**
 * The Appointment aggregate as a decider. It keeps the appointment's own facts; whether its reps
 * are free is the reps' schedules' to say (see the calendar service).
 */
export const appointmentDecider: Decider<
  AppointmentCommand,
  AppointmentEvent,
  AppointmentState,
  AppointmentError
> = { initialState: initialAppointmentState, decide: decideAppointment, evolve: evolveAppointment };
