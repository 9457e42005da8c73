import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import type { Decider } from '@clientele/eventstore';
import { IsoInstant } from '@clientele/eventstore';
import type { ReservationEvent, ReservationState } from './events.js';
import { KeyReleaseReason, evolveReservation } from './events.js';

/** Take the key for a customer. */
export const ClaimKey = t.type(
  { kind: t.literal('ClaimKey'), customerId: t.string, claimedAt: IsoInstant },
  'ClaimKey',
);
/** Let the key go. */
export const ReleaseKey = t.type(
  { kind: t.literal('ReleaseKey'), customerId: t.string, reason: KeyReleaseReason },
  'ReleaseKey',
);
/**
 * Take a key whose claimant never registered. The caller has checked that the claimant's customer
 * stream does not exist; the decider checks that the claim is older than the grace period, so a
 * registration that is merely slow is not robbed.
 */
export const TakeOverKey = t.type(
  {
    kind: t.literal('TakeOverKey'),
    customerId: t.string,
    abandonedBy: t.string,
    claimedAt: IsoInstant,
    gracePeriodMs: t.number,
  },
  'TakeOverKey',
);
/** Every command of a reservation stream. */
export const ReservationCommand = t.union(
  [ClaimKey, ReleaseKey, TakeOverKey],
  'ReservationCommand',
);
/** Every command of a reservation stream. */
export type ReservationCommand = t.TypeOf<typeof ReservationCommand>;

/** Why a reservation command was refused. */
export type ReservationError =
  | { readonly kind: 'KeyHeld'; readonly holderId: string }
  | { readonly kind: 'ClaimStillFresh'; readonly holderId: string; readonly claimedAt: string };

const decide = (
  command: ReservationCommand,
  state: ReservationState,
): E.Either<ReservationError, readonly ReservationEvent[]> => {
  switch (command.kind) {
    case 'ClaimKey':
      if (state.status === 'free') {
        const { customerId, claimedAt } = command;
        return E.right([{ type: 'KeyClaimed', data: { customerId, claimedAt } }]);
      }
      // Claiming again for the same customer is a retry, not a conflict.
      return state.customerId === command.customerId
        ? E.right([])
        : E.left({ kind: 'KeyHeld', holderId: state.customerId });
    case 'ReleaseKey':
      // Only the holder releases; anything else already lost the key and has nothing to undo.
      return state.status === 'held' && state.customerId === command.customerId
        ? E.right([
            {
              type: 'KeyReleased',
              data: { customerId: command.customerId, reason: command.reason },
            },
          ])
        : E.right([]);
    case 'TakeOverKey': {
      if (state.status === 'free' || state.customerId !== command.abandonedBy) {
        return decide(
          { kind: 'ClaimKey', customerId: command.customerId, claimedAt: command.claimedAt },
          state,
        );
      }
      const age = Date.parse(command.claimedAt) - Date.parse(state.claimedAt);
      if (age < command.gracePeriodMs) {
        return E.left({
          kind: 'ClaimStillFresh',
          holderId: state.customerId,
          claimedAt: state.claimedAt,
        });
      }
      const { customerId, abandonedBy, claimedAt } = command;
      return E.right([{ type: 'KeyTakenOver', data: { customerId, abandonedBy, claimedAt } }]);
    }
  }
};

/** The decider of one duplicate-check key: at most one customer holds it at a time. */
export const reservationDecider: Decider<
  ReservationCommand,
  ReservationEvent,
  ReservationState,
  ReservationError
> = { initialState: { status: 'free' }, decide, evolve: evolveReservation };
