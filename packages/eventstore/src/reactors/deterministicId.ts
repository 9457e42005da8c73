import { v5 as uuidv5, validate } from 'uuid';

/**
 * The id of something a reactor creates because of an event: a uuid v5 of `purpose` in the
 * namespace of the causing event's id. The same event and purpose always give the same id, so a
 * redelivery or a replay sends the same command (deduplicated by its id) and creates nothing twice.
 *
 * @example deriveId(leadConverted.eventId, 'customer') // the new customer's id
 */
export const deriveId = (causingEventId: string, purpose: string): string => {
  if (!validate(causingEventId)) throw new TypeError(`"${causingEventId}" is not a uuid`);
  return uuidv5(purpose, causingEventId);
};
