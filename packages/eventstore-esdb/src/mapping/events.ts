import type {
  AllStreamRecordedEvent,
  EventData,
  JSONType,
  RecordedEvent as EsdbRecordedEvent,
} from '@eventstore/db-client';
import { jsonEvent } from '@eventstore/db-client';
import type { EventToAppend, RecordedEvent } from '@clientele/eventstore';
import { stringifyJson } from '@clientele/eventstore';
import { fromEsdbMetadata, toEsdbMetadata } from './metadata.js';
import { fromEsdbPosition } from './positions.js';

/** The category of the streams that record command ids for deduplication (see commands/). */
export const COMMAND_STREAM_CATEGORY = 'ClienteleCommand';

/**
 * Our event as EventStoreDB event data. The event id is kept (EventStoreDB also uses it to make
 * a retried write idempotent); data goes through our JSON rules first, so bigints become decimal
 * strings exactly as on every other engine.
 */
export const toEsdbEventData = (event: EventToAppend): EventData =>
  jsonEvent({
    id: event.eventId,
    type: event.type,
    data: JSON.parse(stringifyJson(event.data)) as JSONType,
    metadata: toEsdbMetadata(event.metadata),
  });

/**
 * Events of the log that are not the application's: EventStoreDB's own (`$`-prefixed types or
 * streams, e.g. `$metadata`, `$statsCollected`, `$>` links) and our command-id records.
 */
export const isInternalEvent = (event: Pick<EsdbRecordedEvent, 'streamId' | 'type'>): boolean =>
  event.type.startsWith('$') ||
  event.streamId.startsWith('$') ||
  event.streamId.startsWith(`${COMMAND_STREAM_CATEGORY}-`);

/** An EventStoreDB event read back as ours; it must carry a position (reads of `$all` do). */
export const fromEsdbRecordedEvent = (
  event: EsdbRecordedEvent | AllStreamRecordedEvent,
): RecordedEvent => {
  const where = `event ${event.id} (${event.type}) in ${event.streamId}@${event.revision}`;
  if (!event.isJson) throw new TypeError(`${where}: not a JSON event`);
  if (event.position === undefined) throw new TypeError(`${where}: read without a log position`);
  return {
    type: event.type,
    data: event.data,
    eventId: event.id,
    metadata: fromEsdbMetadata(event.metadata, where),
    streamName: event.streamId,
    streamRevision: event.revision,
    position: fromEsdbPosition(event.position),
    recordedAt: event.created.toISOString(),
  };
};
