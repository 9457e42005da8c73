import * as t from 'io-ts';
import { IsoInstant } from '@clientele/eventstore';
import { RecordLink } from '../activity/recordLink.js';
import { eventCodec } from '../shared/eventCodec.js';
import { ContactParticipant, DoubleBookingOverride, InvitationAnswer } from './values.js';

/** An appointment was booked; the organizer counts as having accepted. */
export const AppointmentBooked = eventCodec(
  'AppointmentBooked',
  t.intersection([
    t.type({
      appointmentId: t.string,
      title: t.string,
      start: IsoInstant,
      end: IsoInstant,
      timeZone: t.string,
      organizerId: t.string,
      reps: t.readonlyArray(t.string),
      contacts: t.readonlyArray(ContactParticipant),
    }),
    t.partial({ location: t.string, link: RecordLink, override: DoubleBookingOverride }),
  ]),
);
/** The appointment moved to another time. Its reps are named so their agendas follow. */
export const AppointmentMoved = eventCodec(
  'AppointmentMoved',
  t.intersection([
    t.type({
      appointmentId: t.string,
      reps: t.readonlyArray(t.string),
      start: IsoInstant,
      end: IsoInstant,
      previousStart: IsoInstant,
      previousEnd: IsoInstant,
    }),
    t.partial({ override: DoubleBookingOverride }),
  ]),
);
/** The appointment was cancelled. */
export const AppointmentCancelled = eventCodec(
  'AppointmentCancelled',
  t.intersection([
    t.type({ appointmentId: t.string, reps: t.readonlyArray(t.string) }),
    t.partial({ reason: t.string }),
  ]),
);
/** A participant answered the invitation. */
export const InvitationAnswered = eventCodec(
  'InvitationAnswered',
  t.type({ appointmentId: t.string, participantId: t.string, answer: InvitationAnswer }),
);

/** The appointment has a new organizer, who owns it from now on. */
export const AppointmentHandedOver = eventCodec(
  'AppointmentHandedOver',
  t.type({ appointmentId: t.string, organizerId: t.string, previousOrganizerId: t.string }),
);

/** Every event of an Appointment stream. */
export const AppointmentEvent = t.union(
  [
    AppointmentBooked,
    AppointmentMoved,
    AppointmentCancelled,
    InvitationAnswered,
    AppointmentHandedOver,
  ],
  'AppointmentEvent',
);
/** Every event of an Appointment stream. */
export type AppointmentEvent = t.TypeOf<typeof AppointmentEvent>;
