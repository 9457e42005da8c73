import * as E from 'fp-ts/lib/Either.js';
import type { RecordedEvent } from '@clientele/eventstore';
import { formatValidationErrors, maskEncryptedFields } from '@clientele/eventstore';
import { domainUpcasters } from '../../upcasting/domainUpcasters.js';
import { eventCodecsByType } from './catalogEntries.js';

/** How today's code reads one stored event. */
export type StoredEventReading =
  /** Written in the current shape of its type. */
  | { readonly kind: 'current' }
  /** Written in an older shape and read through the upcasters. */
  | { readonly kind: 'upcast'; readonly fromVersion: number }
  /** Not a domain event (a seal, a demo marker, an app's own event): not checked here. */
  | { readonly kind: 'notDomain' }
  /** A domain event today's code cannot read: the upcasters do not reach a shape that decodes. */
  | { readonly kind: 'unreadable'; readonly problem: string };

/**
 * Reads one stored event (as the log holds it, personal fields still encrypted) the way every
 * reader does: through the domain's upcasters, then the event's codec. Encrypted personal fields
 * are read as erased, so no key is needed.
 *
 * @example
 * readStoredEvent(recorded); // { kind: 'upcast', fromVersion: 1 }
 */
export const readStoredEvent = (event: RecordedEvent): StoredEventReading => {
  const codec = eventCodecsByType.get(event.type);
  if (codec === undefined) return { kind: 'notDomain' };
  const current = domainUpcasters.upcast(event);
  const encrypted = (event.metadata.subjects?.length ?? 0) > 0;
  const data = encrypted ? maskEncryptedFields(current.data) : current.data;
  const decoded = codec.decode({ type: current.type, data });
  if (E.isLeft(decoded)) {
    return { kind: 'unreadable', problem: formatValidationErrors(decoded.left).join('; ') };
  }
  return current === event
    ? { kind: 'current' }
    : { kind: 'upcast', fromVersion: event.metadata.schemaVersion };
};
