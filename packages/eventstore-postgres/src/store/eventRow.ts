import type { EventMetadata, RecordedEvent } from '@clientele/eventstore';
import { position } from '@clientele/eventstore';

/**
 * The columns every read selects, in the shape `pg` returns them. The transaction id is renamed
 * as text: an output column named `transaction_id` would make `order by transaction_id` sort the
 * text, not the xid8.
 */
export const EVENT_COLUMNS =
  'transaction_id::text as transaction_text, position, stream_name, stream_revision, event_id, type, data, metadata, recorded_at';

/** One `events` row as `pg` returns it: bigints as strings, json parsed, timestamptz as Date. */
export interface EventRow {
  readonly transaction_text: string;
  readonly position: string;
  readonly stream_name: string;
  readonly stream_revision: string;
  readonly event_id: string;
  readonly type: string;
  readonly data: unknown;
  readonly metadata: EventMetadata;
  readonly recorded_at: Date;
}

/**
 * The log position of a row: the writing transaction's id, then the sequence number. Readers
 * order by this pair because transactions can commit out of sequence order (see migrations).
 */
export const rowPosition = (row: Pick<EventRow, 'transaction_text' | 'position'>) =>
  position(BigInt(row.transaction_text), BigInt(row.position));

/** Converts a row to the port's event. Metadata was validated on append, so it is trusted here. */
export const toRecordedEvent = (row: EventRow): RecordedEvent => ({
  type: row.type,
  data: row.data,
  eventId: row.event_id,
  metadata: row.metadata,
  streamName: row.stream_name,
  streamRevision: BigInt(row.stream_revision),
  position: rowPosition(row),
  recordedAt: row.recorded_at.toISOString(),
});
