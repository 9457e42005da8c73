import * as t from 'io-ts';
import { IsoInstant } from '@clientele/eventstore';

/**
 * Why a key was let go: the command that claimed it was refused, an edit removed the value, a
 * merge moved it to the survivor, or the customer's personal data was erased.
 */
export const KeyReleaseReason = t.union(
  [t.literal('commandRefused'), t.literal('edited'), t.literal('merged'), t.literal('erased')],
  'KeyReleaseReason',
);
/** Why a key was let go. */
export type KeyReleaseReason = t.TypeOf<typeof KeyReleaseReason>;

/** A customer took the key: nobody else may register with this email or phone. */
export const KeyClaimed = t.type(
  {
    type: t.literal('KeyClaimed'),
    data: t.type({ customerId: t.string, claimedAt: IsoInstant }),
  },
  'KeyClaimed',
);
/** A customer took the key. */
export type KeyClaimed = t.TypeOf<typeof KeyClaimed>;

/** The holder let the key go (a failed registration, an edit, a merge, an erasure). */
export const KeyReleased = t.type(
  {
    type: t.literal('KeyReleased'),
    data: t.type({ customerId: t.string, reason: KeyReleaseReason }),
  },
  'KeyReleased',
);
/** The holder let the key go. */
export type KeyReleased = t.TypeOf<typeof KeyReleased>;

/** A claim left by a crash (its customer was never registered) was taken over by another. */
export const KeyTakenOver = t.type(
  {
    type: t.literal('KeyTakenOver'),
    data: t.type({ customerId: t.string, abandonedBy: t.string, claimedAt: IsoInstant }),
  },
  'KeyTakenOver',
);
/** A stale claim was taken over. */
export type KeyTakenOver = t.TypeOf<typeof KeyTakenOver>;

/** Every event of a reservation stream. */
export const ReservationEvent = t.union(
  [KeyClaimed, KeyReleased, KeyTakenOver],
  'ReservationEvent',
);
/** Every event of a reservation stream. */
export type ReservationEvent = t.TypeOf<typeof ReservationEvent>;

/** Who holds a key now, and since when. */
export type ReservationState =
  | { readonly status: 'free' }
  | { readonly status: 'held'; readonly customerId: string; readonly claimedAt: string };

/** Folds one event into the reservation's state. */
export const evolveReservation = (
  _state: ReservationState,
  event: ReservationEvent,
): ReservationState => {
  switch (event.type) {
    case 'KeyClaimed':
    case 'KeyTakenOver':
      return { status: 'held', customerId: event.data.customerId, claimedAt: event.data.claimedAt };
    case 'KeyReleased':
      return { status: 'free' };
  }
};
