import * as t from 'io-ts';
import { NonEmptyText } from '../shared/contact.js';
import { personal } from '../shared/personalData.js';

/** How a participant answered an invitation. */
export const InvitationAnswer = t.union(
  [t.literal('accepted'), t.literal('declined'), t.literal('tentative')],
  'InvitationAnswer',
);
/** How a participant answered an invitation. */
export type InvitationAnswer = t.TypeOf<typeof InvitationAnswer>;

/** A contact person invited to an appointment: their id is their data subject, their name theirs. */
export const ContactParticipant = t.type(
  { subjectId: t.string, name: personal(NonEmptyText) },
  'ContactParticipant',
);
/** A contact person invited to an appointment. */
export type ContactParticipant = t.TypeOf<typeof ContactParticipant>;

/** Who booked over a rep's existing appointments, and why. */
export const DoubleBookingOverride = t.type(
  { by: t.string, reason: NonEmptyText },
  'DoubleBookingOverride',
);
/** Who booked over a rep's existing appointments, and why. */
export type DoubleBookingOverride = t.TypeOf<typeof DoubleBookingOverride>;
