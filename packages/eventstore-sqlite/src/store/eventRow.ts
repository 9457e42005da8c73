import type { EventMetadata, RecordedEvent } from '@clientele/eventstore';
import { DecodeError, EventMetadata as EventMetadataCodec, position } from '@clientele/eventstore';

/**
 * A row of the `events` table as read in raw mode with safe integers: an array in
 * {@link EVENT_COLUMNS} order. Arrays cost about half what row objects do on a full-log read.
 */
export type EventRow = readonly [
  position: bigint,
  streamName: string,
  streamRevision: bigint,
  eventId: string,
  type: string,
  data: string,
  metadata: string,
  recordedAt: string,
];

/** The columns every event read selects, in {@link EventRow} order. */
export const EVENT_COLUMNS =
  'position, stream_name, stream_revision, event_id, type, data, metadata, recorded_at';

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;

const isText = (value: unknown): value is string => typeof value === 'string';

/**
 * The shape check of stored metadata on the hot read path: the fields and types of the
 * `EventMetadata` codec, cheaper than the codec's own `is` (which also parses the date). The
 * metadata was fully decoded when it was appended; this catches rows edited by hand.
 */
const looksLikeMetadata = (value: unknown): value is EventMetadata => {
  if (typeof value !== 'object' || value === null) return false;
  const m = value as Record<string, unknown>;
  const actor = m['actor'] as Record<string, unknown> | null | undefined;
  const version = m['schemaVersion'];
  return (
    isText(m['occurredAt']) &&
    ISO_INSTANT.test(m['occurredAt']) &&
    typeof actor === 'object' &&
    actor !== null &&
    isText(actor['id']) &&
    isText(actor['role']) &&
    isText(m['correlationId']) &&
    (m['causationId'] === null || isText(m['causationId'])) &&
    isText(m['commandId']) &&
    typeof version === 'number' &&
    Number.isInteger(version) &&
    version >= 1 &&
    (m['tenantId'] === undefined || isText(m['tenantId'])) &&
    (m['chain'] === undefined || isText(m['chain'])) &&
    (m['subjects'] === undefined || areSubjectKeys(m['subjects']))
  );
};

const areSubjectKeys = (value: unknown): boolean =>
  Array.isArray(value) &&
  value.every(
    (item: unknown) =>
      typeof item === 'object' &&
      item !== null &&
      isText((item as Record<string, unknown>)['subjectId']) &&
      isText((item as Record<string, unknown>)['keyId']),
  );

const parseMetadata = (row: EventRow): EventMetadata => {
  const metadata: unknown = JSON.parse(row[6]);
  if (looksLikeMetadata(metadata)) return metadata;
  // The full decode runs only to explain the failure, field by field.
  const decoded = EventMetadataCodec.decode(metadata);
  if (decoded._tag === 'Left') {
    throw new DecodeError(`metadata of ${row[1]}@${row[2]} (position ${row[0]})`, decoded.left);
  }
  return metadata as EventMetadata;
};

/**
 * Turns a stored row into an envelope: the JSON text written at append is parsed back, so the
 * caller's fields come out as they went in. A row whose metadata was edited into something
 * invalid fails loudly, naming its stream, revision and position.
 */
export const toRecordedEvent = (row: EventRow): RecordedEvent => ({
  type: row[4],
  data: JSON.parse(row[5]) as unknown,
  eventId: row[3],
  metadata: parseMetadata(row),
  streamName: row[1],
  streamRevision: row[2],
  position: position(row[0]),
  recordedAt: row[7],
});
