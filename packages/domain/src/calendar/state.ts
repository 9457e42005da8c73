import type { IsoInstant } from '@clientele/eventstore';
import type { AppointmentEvent } from './events.js';
import type { InvitationAnswer } from './values.js';

/** A booked appointment, as its events left it. */
export interface BookedAppointment {
  readonly booked: true;
  readonly appointmentId: string;
  readonly cancelled: boolean;
  readonly start: IsoInstant;
  readonly end: IsoInstant;
  readonly organizerId: string;
  readonly reps: readonly string[];
  readonly contactIds: readonly string[];
  readonly answers: Readonly<Record<string, InvitationAnswer>>;
}

/** An appointment stream's state: nothing yet, or a booked appointment. */
export type AppointmentState = { readonly booked: false } | BookedAppointment;

/** The state of a stream with no events. */
export const initialAppointmentState: AppointmentState = { booked: false };

/** Folds one event into the appointment. */
export const evolveAppointment = (
  state: AppointmentState,
  event: AppointmentEvent,
): AppointmentState => {
  if (event.type === 'AppointmentBooked') {
    const { appointmentId, start, end, organizerId, reps, contacts } = event.data;
    return {
      booked: true,
      appointmentId,
      cancelled: false,
      start,
      end,
      organizerId,
      reps,
      contactIds: contacts.map((contact) => contact.subjectId),
      answers: { [organizerId]: 'accepted' },
    };
  }
  if (!state.booked) return state;
  switch (event.type) {
    case 'AppointmentMoved':
      return { ...state, start: event.data.start, end: event.data.end };
    case 'AppointmentCancelled':
      return { ...state, cancelled: true };
    case 'InvitationAnswered':
      return {
        ...state,
        answers: { ...state.answers, [event.data.participantId]: event.data.answer },
      };
    case 'AppointmentHandedOver':
      return { ...state, organizerId: event.data.organizerId };
  }
};
