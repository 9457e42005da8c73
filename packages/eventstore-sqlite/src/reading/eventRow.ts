import type { RecordedEvent } from '@clientele/eventstore';
import { DecodeError, EventMetadata, position } from '@clientele/eventstore';

/** A row of the `events` table, read with safe integers (bigints). */
export interface EventRow {
  readonly position: bigint;
  readonly stream_name: string;
  readonly stream_revision: bigint;
  readonly event_id: string;
  readonly type: string;
  readonly data: string;
  readonly metadata: string;
  readonly recorded_at: string;
}

/** The columns every event read selects, in {@link EventRow} order. */
export const EVENT_COLUMNS =
  'position, stream_name, stream_revision, event_id, type, data, metadata, recorded_at';

/**
 * Turns a stored row into an envelope. The JSON is parsed and the metadata checked against its
 * codec (cheaply, with `is`; the full decode only runs to explain a failure), so a row edited by
 * hand fails loudly with its stream and revision instead of flowing on half-valid.
 */
export const toRecordedEvent = (row: EventRow): RecordedEvent => {
  const metadata: unknown = JSON.parse(row.metadata);
  if (!EventMetadata.is(metadata)) {
    const decoded = EventMetadata.decode(metadata);
    if (decoded._tag === 'Left') {
      throw new DecodeError(`metadata of ${row.stream_name}@${row.stream_revision}`, decoded.left);
    }
  }
  return {
    type: row.type,
    data: JSON.parse(row.data) as unknown,
    eventId: row.event_id,
    metadata: metadata as RecordedEvent['metadata'],
    streamName: row.stream_name,
    streamRevision: row.stream_revision,
    position: position(row.position),
    recordedAt: row.recorded_at,
  };
};
