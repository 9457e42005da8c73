/**
 * The append without a command id as one plain INSERT ... SELECT: the stream's last revision is
 * read from the unique (stream_name, stream_revision) index, the `having` clause lets the insert
 * happen only if the expectation holds, and the batch goes in after that revision. Plain SQL
 * rather than the `append_events` function keeps the hot path as cheap as a raw insert.
 *
 * Parameters: $1 stream, $2 expectation kind (`any`, `no_stream`, `stream_exists` or `exact`),
 * $3 the exact revision or null (two parameters, so no text is ever cast to bigint), then the
 * events: for a single event (the common case) $4 to $7 its id, type, data and metadata; for a
 * batch $4 the events as a JSON array. It returns one row per event written, none on a conflict.
 */
export const appendStatement = (quotedSchema: string, rows: 'one' | 'many'): string =>
  rows === 'one'
    ? `insert into ${quotedSchema}.events ${COLUMNS}
       select $1, coalesce(max(stream_revision), -1) + 1, $4::uuid, $5::text, $6::json,
           $7::json, now()
         from ${quotedSchema}.events where stream_name = $1
         having ${expectationHolds('max(stream_revision)')}
       ${RETURNING}`
    : `insert into ${quotedSchema}.events ${COLUMNS}
       select $1, stream.last + e.ordinality, (e.value->>'eventId')::uuid, e.value->>'type',
           e.value->'data', e.value->'metadata', now()
         from (select coalesce(max(stream_revision), -1) as last
                 from ${quotedSchema}.events where stream_name = $1
                 having ${expectationHolds('max(stream_revision)')}) stream,
           json_array_elements($4::json) with ordinality e
         order by e.ordinality
       ${RETURNING}`;

const COLUMNS = '(stream_name, stream_revision, event_id, type, data, metadata, recorded_at)';

const RETURNING =
  'returning pg_current_xact_id()::text as commit_position, position, stream_revision';

const expectationHolds = (lastRevision: string): string => `case $2::text
    when 'any' then true
    when 'no_stream' then ${lastRevision} is null
    when 'stream_exists' then ${lastRevision} is not null
    else ${lastRevision} = $3::bigint end`;
