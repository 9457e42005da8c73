import * as E from 'fp-ts/lib/Either.js';
import type { EventStoreDBClient } from '@eventstore/db-client';
import type {
  AppendResult,
  EventToAppend,
  ExpectedRevision,
  WrongExpectedRevision,
} from '@clientele/eventstore';
import { toWrongExpectedRevision } from '../mapping/errors.js';
import { toEsdbEventData } from '../mapping/events.js';
import { fromEsdbPosition } from '../mapping/positions.js';
import { toEsdbExpectedRevision } from '../mapping/revisions.js';
import { readStream } from './readStream.js';

/** One append to EventStoreDB, the conflict mapped to our `Left`. */
export const appendEvents = async (
  client: EventStoreDBClient,
  streamName: string,
  events: readonly EventToAppend[],
  expected: ExpectedRevision,
): Promise<E.Either<WrongExpectedRevision, AppendResult>> => {
  try {
    const written = await client.appendToStream(streamName, events.map(toEsdbEventData), {
      expectedRevision: toEsdbExpectedRevision(expected),
    });
    if (written.position === undefined) {
      throw new Error(`append to ${streamName}: EventStoreDB returned no log position`);
    }
    return E.right({
      streamName,
      firstRevision: written.nextExpectedRevision - BigInt(events.length - 1),
      nextExpectedRevision: written.nextExpectedRevision,
      position: fromEsdbPosition(written.position),
      eventIds: events.map((event) => event.eventId),
      duplicate: false,
    });
  } catch (error) {
    const conflict = toWrongExpectedRevision(error, streamName, expected);
    if (conflict === undefined) throw error;
    return E.left(conflict);
  }
};

/** How far back a stream is searched for the events of an abandoned claim. */
const CLAIM_SEARCH_DEPTH = 1000;

/**
 * The result of an append whose events are already in the stream (found by the last event id),
 * for a command claim whose writer did not record the outcome.
 */
export const findAppended = async (
  client: EventStoreDBClient,
  streamName: string,
  eventIds: readonly string[],
): Promise<AppendResult | undefined> => {
  const lastId = eventIds[eventIds.length - 1];
  const reading = readStream(client, streamName, {
    direction: 'backwards',
    maxCount: CLAIM_SEARCH_DEPTH,
  });
  for await (const event of reading) {
    if (event.eventId !== lastId) continue;
    return {
      streamName,
      firstRevision: event.streamRevision - BigInt(eventIds.length - 1),
      nextExpectedRevision: event.streamRevision,
      position: event.position,
      eventIds,
      duplicate: false,
    };
  }
  return undefined;
};
