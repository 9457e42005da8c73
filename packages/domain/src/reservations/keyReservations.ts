import * as E from 'fp-ts/lib/Either.js';
import type {
  CommandContext,
  CommandFailure,
  CommandOutcome,
  Decider,
  EventStore,
  IsoInstant,
} from '@clientele/eventstore';
import { createCommandHandler } from '@clientele/eventstore';
import type { ReservationCommand, ReservationError } from './decide.js';
import type { KeyReleaseReason, ReservationState } from './events.js';
import type { ReservationKind } from './reservationKey.js';
import { reservationDecider } from './decide.js';
import { ReservationEvent } from './events.js';
import { reservationKey, reservationStreamName } from './reservationKey.js';
import { stepContext } from './stepContext.js';
import { domainUpcasters } from '../upcasting/domainUpcasters.js';

/** A normalized contact value to reserve. */
export interface ContactKey {
  readonly kind: ReservationKind;
  readonly value: string;
}

/** Why keys could not be claimed: another customer holds one. */
export interface KeyHeldBy {
  readonly holderId: string;
  readonly kind: ReservationKind;
}

/** Options of {@link createKeyReservations}. */
export interface KeyReservationOptions {
  readonly store: EventStore;
  readonly tenantId: string;
  /** The tenant's secret for the keyed hash; keep it outside the event store. */
  readonly tenantKey: string | Uint8Array;
  /** Whether a customer stream exists: a claim whose customer never appeared may be taken over. */
  readonly customerExists: (customerId: string) => Promise<boolean>;
  /** How old an orphaned claim must be before it is taken over; defaults to 5 minutes. */
  readonly gracePeriodMs?: number | undefined;
  /** Event id generator; defaults to uuid v7. A seeded one makes generated histories repeatable. */
  readonly newEventId?: (() => string) | undefined;
}

/** Claims and releases duplicate-check keys for customers. */
export interface KeyReservations {
  /**
   * Claims every key for the customer, in sorted order, or none: on the first key held by another
   * customer it releases what it claimed and returns the holder.
   */
  claim(
    keys: readonly ContactKey[],
    customerId: string,
    context: CommandContext,
  ): Promise<E.Either<KeyHeldBy, void>>;
  /** Releases the keys the customer holds; keys it does not hold are left alone. */
  release(
    keys: readonly ContactKey[],
    customerId: string,
    reason: KeyReleaseReason,
    context: CommandContext,
  ): Promise<void>;
  /** The customer holding a key, if any. */
  readonly holderOf: (key: ContactKey) => Promise<string | undefined>;
}

/** Who holds the key after a claim: the state it left, or the holder that refused it. */
const holderAfter = (
  result: E.Either<
    CommandFailure<ReservationError>,
    CommandOutcome<ReservationEvent, ReservationState>
  >,
): string | undefined => {
  if (E.isRight(result)) {
    const { state } = result.right;
    return state.status === 'held' ? state.customerId : undefined;
  }
  return result.left.kind === 'Rejected' ? result.left.error.holderId : undefined;
};

/**
 * Duplicate detection the event-sourced way: one reservation stream per tenant and keyed hash of a
 * normalized email or phone. Claims are appended under the stream's expected revision, so when two
 * registrations race the engine's append conflict decides who wins, on every engine; the loser
 * reloads, sees the holder and is refused. Sorting keys gives every registration the same claim
 * order, so two registrations sharing two keys cannot each take one and both fail.
 *
 * Crash recovery: a claim names its customer. If that customer's stream does not exist and the
 * claim is older than the grace period, the registration crashed between claim and register, and
 * a new claimant takes the key over (a `KeyTakenOver` event records whose claim it replaced).
 */
export const createKeyReservations = (options: KeyReservationOptions): KeyReservations => {
  const { store, tenantId, tenantKey, customerExists } = options;
  const gracePeriodMs = options.gracePeriodMs ?? 5 * 60_000;
  // Commands carry the stream they address; the decider itself never needs it.
  const decider: Decider<
    ReservationCommand & { readonly stream: string },
    ReservationEvent,
    ReservationState,
    ReservationError
  > = reservationDecider;
  const handler = createCommandHandler({
    store,
    upcasters: domainUpcasters,
    decider,
    eventCodec: ReservationEvent,
    streamName: (command) => command.stream,
    // Racing claims conflict, reload and are then refused; releases by failed racers add a few more.
    maxAttempts: 50,
    // Claims and releases are steps of a customer command the customer service authorized
    // before claiming anything; they are never an entry point of their own.
    authorize: () => E.right(undefined),
    newEventId: options.newEventId,
  });
  const streamOf = (key: ContactKey): string =>
    reservationStreamName(tenantId, reservationKey(tenantKey, key.kind, key.value));
  const sorted = (keys: readonly ContactKey[]) =>
    [...new Map(keys.map((key) => [streamOf(key), key])).entries()].sort(([a], [b]) =>
      a < b ? -1 : a > b ? 1 : 0,
    );

  const holderOf: KeyReservations['holderOf'] = async (key) => {
    const { state } = await handler.load(streamOf(key));
    return state.status === 'held' ? state.customerId : undefined;
  };

  const release: KeyReservations['release'] = async (keys, customerId, reason, context) => {
    for (const [stream] of sorted(keys)) {
      const released = await handler.handle(
        { kind: 'ReleaseKey', customerId, reason, stream },
        stepContext(context, `release:${reason}:${stream}`),
      );
      if (E.isLeft(released)) throw new Error(`could not release ${stream}: ${released.left.kind}`);
    }
  };

  const claimOne = async (stream: string, customerId: string, context: CommandContext) => {
    // The handler has already checked the context's time; the claim records it as business time.
    const claimedAt = context.occurredAt as IsoInstant;
    const claim = await handler.handle(
      { kind: 'ClaimKey', customerId, claimedAt, stream },
      stepContext(context, `claim:${stream}`),
    );
    if (E.isRight(claim) || claim.left.kind !== 'Rejected') return claim;
    const holderId = claim.left.error.holderId;
    if (await customerExists(holderId)) return claim;
    return handler.handle(
      { kind: 'TakeOverKey', customerId, abandonedBy: holderId, claimedAt, gracePeriodMs, stream },
      stepContext(context, `takeOver:${stream}`),
    );
  };

  const claim: KeyReservations['claim'] = async (keys, customerId, context) => {
    const claimed: ContactKey[] = [];
    for (const [stream, key] of sorted(keys)) {
      const holder = holderAfter(await claimOne(stream, customerId, context));
      if (holder !== customerId) {
        await release(claimed, customerId, 'commandRefused', context);
        if (holder === undefined) {
          // Only a retried command whose first attempt already released the key ends here.
          throw new Error(`key ${stream} is free after claiming it: retry with a new command id`);
        }
        return E.left({ holderId: holder, kind: key.kind });
      }
      claimed.push(key);
    }
    return E.right(undefined);
  };

  return { claim, release, holderOf };
};
