import type * as E from 'fp-ts/lib/Either.js';
import type * as t from 'io-ts';
import type { EventStore, RecordedEvent, UpcasterRegistry } from '@clientele/eventstore';
import { createUpcasterRegistry, withUpcasting } from '@clientele/eventstore';
import { campaignUpcasters } from './campaignUpcasters.js';
import { commissionUpcasters } from './commissionUpcasters.js';

/**
 * The domain's one upcaster chain per event type: every reader of the log (the services'
 * command handlers and snapshots, projections, the timeline, reactors, audit, access, verify)
 * reads an old event through it, in the shape today's codecs decode. Stored events are never
 * rewritten. A change to a stored event's codec adds a step here (and bumps the version in the
 * schema catalog, docs/schemas/catalog).
 */
export const domainUpcasters: UpcasterRegistry = createUpcasterRegistry([
  ...campaignUpcasters,
  ...commissionUpcasters,
]);

/**
 * A view of `store` whose reads return every domain event in its current shape. Put it outside
 * the hash chain and the decryption; verify the chain on the store beneath.
 *
 * @example
 * const events = withDomainUpcasting(withPersonalDataEncryption(withHashChain(engine), privacy));
 */
export const withDomainUpcasting = (store: EventStore): EventStore =>
  withUpcasting(store, domainUpcasters);

/**
 * Decodes a stored event with `codec` after upcasting it: what a reactor or any reader holding
 * one {@link RecordedEvent} uses, so it never decodes an old shape with today's codec.
 *
 * @example
 * const converted = decodeStoredEvent(LeadConverted, recorded);
 */
export const decodeStoredEvent = <C extends t.Mixed>(
  codec: C,
  event: RecordedEvent,
): E.Either<t.Errors, t.TypeOf<C>> => {
  const current = domainUpcasters.upcast(event);
  return codec.decode({ type: current.type, data: current.data }) as E.Either<
    t.Errors,
    t.TypeOf<C>
  >;
};
