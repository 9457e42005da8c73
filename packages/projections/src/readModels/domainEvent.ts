import * as t from 'io-ts';
import type { RecordedEvent } from '@clientele/eventstore';
import { formatValidationErrors, maskEncryptedFields } from '@clientele/eventstore';
import { domainUpcasters } from '@clientele/domain';
import { REJECTED, compileDecoder } from './compiledDecoder.js';

/** A domain event union as the domain declares it: `{ type: literal, data }` members. */
type EventUnion = t.Mixed & { readonly types: readonly t.Mixed[] };

/** The literal `type` of a union member, when it has one. */
const typeOfMember = (member: t.Mixed): string | undefined => {
  const typeCodec = (member as Partial<t.InterfaceType<t.Props>>).props?.['type'];
  return typeCodec instanceof t.LiteralType && typeof typeCodec.value === 'string'
    ? typeCodec.value
    : undefined;
};

const decoders = new WeakMap<EventUnion, (event: RecordedEvent) => unknown>();

const createDecoder = <U extends EventUnion>(union: U) => {
  const known = new Set(union.types.map(typeOfMember));
  const decodeFast = compileDecoder(union);
  // The runner hands an event to keysOf and then to apply (of each projection in turn) before it
  // moves on to the next event: remembering the last one decodes each event once, without the
  // cost a weak map of every event seen has for the garbage collector.
  let lastEvent: RecordedEvent | undefined;
  let lastDecoded: t.TypeOf<U> | undefined;
  return (stored: RecordedEvent): t.TypeOf<U> | undefined => {
    if (stored === lastEvent) return lastDecoded;
    if (!known.has(stored.type)) return undefined;
    // Old shapes are read through the domain's one upcaster chain (a map lookup when none applies).
    const event = domainUpcasters.upcast(stored);
    const encrypted = (event.metadata.subjects?.length ?? 0) > 0;
    const value = {
      type: event.type,
      data: encrypted ? maskEncryptedFields(event.data) : event.data,
    };
    let decoded = decodeFast(value);
    if (decoded === REJECTED) {
      // io-ts itself says why (and has the last word).
      const result = union.decode(value);
      if (result._tag === 'Left') {
        throw new Error(
          `event ${event.eventId} (${event.type}) at ${event.streamName} does not decode: ${formatValidationErrors(result.left).join('; ')}`,
        );
      }
      decoded = result.right as t.TypeOf<U>;
    }
    lastEvent = stored;
    lastDecoded = decoded;
    return decoded;
  };
};

/**
 * A decoder of one aggregate's events for projections, after the domain's upcasters (so a
 * rebuild reads events of every schema version in today's shape). Event types the union does not know (added
 * by a later domain release) are skipped as undefined; a known type whose data does not decode is
 * a corrupt log and throws, naming the event and the failing path. Encrypted personal fields are
 * read as erased without asking for any key: projections work from the raw log and read models
 * never hold personal data.
 */
export const domainEventDecoder = <U extends EventUnion>(
  union: U,
): ((event: RecordedEvent) => t.TypeOf<U> | undefined) => {
  // One decoder per union, so projections of the same aggregate (commissions and sale
  // commissions) share its memory of the last event and decode it once between them.
  const shared = decoders.get(union);
  if (shared !== undefined) return shared;
  const decoder = createDecoder(union);
  decoders.set(union, decoder);
  return decoder;
};

/**
 * The event types a domain event union declares: exactly the stored types its
 * {@link domainEventDecoder} decodes, so a read filtered on them (in the engine, before any row is
 * parsed) hands that decoder every event it would keep.
 */
export const eventTypesOf = (union: EventUnion): readonly string[] =>
  union.types.map(typeOfMember).filter((type): type is string => type !== undefined);

/** The calendar day (UTC) of an ISO instant: `2026-03-04T10:00:00Z` → `2026-03-04`. */
export const dayOf = (instant: string): string =>
  new Date(Date.parse(instant)).toISOString().slice(0, 10);

/** Days between two instants, as a fraction (durations are stored and summarized at query time). */
export const daysBetweenInstants = (from: string, to: string): number =>
  (Date.parse(to) - Date.parse(from)) / 86_400_000;
