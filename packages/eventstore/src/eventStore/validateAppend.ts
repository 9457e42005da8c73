import type { EventToAppend } from '../envelope/envelope.js';
import { EventMetadata } from '../envelope/metadata.js';
import { DecodeError } from '../envelope/decodeErrors.js';

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const EVENT_TYPE_PATTERN = /^[A-Za-z][A-Za-z0-9_.$:-]*$/;

/**
 * Checks a batch before any engine writes it, so every engine refuses the same bad input with the
 * same message: an empty batch, a malformed event id or type, metadata that does not decode.
 * These are programming errors, thrown as `TypeError`/`RangeError`/{@link DecodeError}.
 */
export const validateAppend = (streamName: string, events: readonly EventToAppend[]): void => {
  if (streamName.length === 0) throw new RangeError('stream name is empty');
  if (events.length === 0) {
    throw new RangeError(`append to ${streamName}: the batch is empty; append at least one event`);
  }
  const seen = new Set<string>();
  events.forEach((event, index) => {
    const where = `append to ${streamName}, event ${index}`;
    if (typeof event.type !== 'string' || !EVENT_TYPE_PATTERN.test(event.type)) {
      throw new TypeError(`${where}: event type ${JSON.stringify(event.type)} is not a valid name`);
    }
    if (typeof event.eventId !== 'string' || !UUID_PATTERN.test(event.eventId)) {
      throw new TypeError(
        `${where} (${event.type}): eventId ${JSON.stringify(event.eventId)} is not a uuid`,
      );
    }
    if (seen.has(event.eventId)) {
      throw new RangeError(
        `${where} (${event.type}): eventId ${event.eventId} appears twice in the batch`,
      );
    }
    seen.add(event.eventId);
    if (event.data === undefined)
      throw new TypeError(`${where} (${event.type}): data is undefined`);
    const metadata = EventMetadata.decode(event.metadata);
    if (metadata._tag === 'Left')
      throw new DecodeError(`${where} (${event.type}): metadata`, metadata.left);
  });
};
