import * as t from 'io-ts';
import type { RecordedEvent } from '@clientele/eventstore';
import { formatValidationErrors, maskEncryptedFields } from '@clientele/eventstore';

/** A domain event union as the domain declares it: `{ type: literal, data }` members. */
type EventUnion = t.Mixed & { readonly types: readonly t.Mixed[] };

/** The literal `type` of a union member, when it has one. */
const typeOfMember = (member: t.Mixed): string | undefined => {
  const typeCodec = (member as Partial<t.InterfaceType<t.Props>>).props?.['type'];
  return typeCodec instanceof t.LiteralType && typeof typeCodec.value === 'string'
    ? typeCodec.value
    : undefined;
};

/**
 * A decoder of one aggregate's events for projections. Event types the union does not know (added
 * by a later domain release) are skipped as undefined; a known type whose data does not decode is
 * a corrupt log and throws, naming the event and the failing path. Encrypted personal fields are
 * read as erased without asking for any key: projections work from the raw log and read models
 * never hold personal data.
 */
export const domainEventDecoder = <U extends EventUnion>(union: U) => {
  const known = new Set(union.types.map(typeOfMember));
  // The runner hands the same event object to keysOf and then to apply: decode it once.
  const decodedEvents = new WeakMap<RecordedEvent, t.TypeOf<U>>();
  return (event: RecordedEvent): t.TypeOf<U> | undefined => {
    if (!known.has(event.type)) return undefined;
    const cached = decodedEvents.get(event);
    if (cached !== undefined) return cached;
    const encrypted = (event.metadata.subjects?.length ?? 0) > 0;
    const data = encrypted ? maskEncryptedFields(event.data) : event.data;
    const decoded = union.decode({ type: event.type, data });
    if (decoded._tag === 'Left') {
      throw new Error(
        `event ${event.eventId} (${event.type}) at ${event.streamName} does not decode: ${formatValidationErrors(decoded.left).join('; ')}`,
      );
    }
    decodedEvents.set(event, decoded.right as t.TypeOf<U>);
    return decoded.right as t.TypeOf<U>;
  };
};

/** The calendar day (UTC) of an ISO instant: `2026-03-04T10:00:00Z` → `2026-03-04`. */
export const dayOf = (instant: string): string =>
  new Date(Date.parse(instant)).toISOString().slice(0, 10);

/** Days between two instants, as a fraction (durations are stored and summarized at query time). */
export const daysBetweenInstants = (from: string, to: string): number =>
  (Date.parse(to) - Date.parse(from)) / 86_400_000;
