import type { RepDoubleBooked } from './repSchedule/decide.js';

/** Why an appointment command was refused. */
export type AppointmentError =
  | { readonly kind: 'AppointmentNotFound'; readonly appointmentId: string }
  | { readonly kind: 'AppointmentAlreadyBooked'; readonly appointmentId: string }
  | { readonly kind: 'AppointmentCancelled'; readonly appointmentId: string }
  /** The end is not after the start. */
  | { readonly kind: 'AppointmentEndsBeforeStart'; readonly appointmentId: string }
  /** An appointment needs at least one rep. */
  | { readonly kind: 'AppointmentWithoutRep'; readonly appointmentId: string }
  /** Only someone invited answers an invitation. */
  | {
      readonly kind: 'NotAParticipant';
      readonly appointmentId: string;
      readonly participantId: string;
    }
  /** An override is recorded as the acting user's: it cannot name someone else. */
  | {
      readonly kind: 'OverrideNotByActor';
      readonly appointmentId: string;
      readonly by: string;
      readonly actorId: string;
    }
  | RepDoubleBooked;
