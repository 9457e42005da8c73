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

const isOptionalText = (value: unknown): boolean => value === undefined || isText(value);

const isActor = (value: unknown): boolean => {
  if (typeof value !== 'object' || value === null) return false;
  const actor = value as Record<string, unknown>;
  return isText(actor['id']) && isText(actor['role']);
};

const isSchemaVersion = (value: unknown): boolean =>
  typeof value === 'number' && Number.isInteger(value) && value >= 1;

/** Who, when and why: the fields every stored event's metadata has. */
const hasProvenance = (m: Readonly<Record<string, unknown>>): boolean =>
  isText(m['occurredAt']) &&
  ISO_INSTANT.test(m['occurredAt']) &&
  isActor(m['actor']) &&
  isText(m['correlationId']) &&
  (m['causationId'] === null || isText(m['causationId'])) &&
  isText(m['commandId']);

/**
 * The shape check of stored metadata on the hot read path: the fields and types of the
 * `EventMetadata` codec, cheaper than the codec's own `is` (which also parses the date). The
 * metadata was fully decoded when it was appended; this catches rows edited by hand.
 */
const looksLikeMetadata = (value: unknown): value is EventMetadata => {
  if (typeof value !== 'object' || value === null) return false;
  const m = value as Readonly<Record<string, unknown>>;
  return (
    hasProvenance(m) &&
    isSchemaVersion(m['schemaVersion']) &&
    isOptionalText(m['tenantId']) &&
    isOptionalText(m['chain']) &&
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
