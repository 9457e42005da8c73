import * as t from 'io-ts';
import { IsoInstant } from '@clientele/eventstore';
import { RecordLink } from '../activity/recordLink.js';
import { TimeZoneName } from '../task/values.js';
import { commandCodecFor } from '../shared/commandCodec.js';
import { NonEmptyText } from '../shared/contact.js';
import { ContactParticipant, DoubleBookingOverride, InvitationAnswer } from './values.js';

const command = commandCodecFor('appointmentId');

/**
 * Book an appointment from `start` to `end` (an instant each; `timeZone` is where it is shown in
 * wall-clock time) with reps and contact persons. `override` books over a rep's other
 * appointments on purpose, naming who and why; without it a rep is never double-booked.
 */
export const BookAppointment = command(
  'BookAppointment',
  {
    title: NonEmptyText,
    start: IsoInstant,
    end: IsoInstant,
    timeZone: TimeZoneName,
    organizerId: t.string,
    reps: t.array(t.string),
  },
  {
    contacts: t.array(ContactParticipant),
    location: NonEmptyText,
    link: RecordLink,
    override: DoubleBookingOverride,
  },
);
/** Move the appointment to another time; the reps' time moves with it. */
export const MoveAppointment = command(
  'MoveAppointment',
  { start: IsoInstant, end: IsoInstant },
  { override: DoubleBookingOverride },
);
/** Cancel the appointment; the reps' time is free again. */
export const CancelAppointment = command('CancelAppointment', {}, { reason: NonEmptyText });
/** A participant (a rep's id or a contact's subject id) answers the invitation. */
export const AnswerInvitation = command(
  'AnswerInvitation',
  { participantId: t.string, answer: InvitationAnswer },
  {},
);

/**
 * Hand the appointment to another organizer (a departing rep's successor): they own it from now
 * on, and may move, cancel or re-invite. Who attends is unchanged; the time stays reserved.
 */
export const HandOverAppointment = command('HandOverAppointment', { organizerId: t.string }, {});

/** Every command of the Appointment aggregate. */
export const AppointmentCommand = t.union(
  [BookAppointment, MoveAppointment, CancelAppointment, AnswerInvitation, HandOverAppointment],
  'AppointmentCommand',
);
/** Every command of the Appointment aggregate. */
export type AppointmentCommand = t.TypeOf<typeof AppointmentCommand>;
/** An Appointment command as code writes it, before decoding. */
export type AppointmentCommandInput = t.OutputOf<typeof AppointmentCommand>;
