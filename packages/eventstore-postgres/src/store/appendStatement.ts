/**
 * The append without a command id as one SQL statement: read the stream's last revision from the
 * unique (stream_name, stream_revision) index, and insert the batch after it only if the
 * expectation holds. Plain SQL rather than the `append_events` function saves the procedural
 * call on the hot path. Parameters: $1 stream, $2 expectation kind (`any`, `no_stream`,
 * `stream_exists` or `exact`), $3 the exact revision or null, then the events: for a batch, $4
 * the events as a JSON array; for a single event (the common case), $4 to $7 its id, type, data
 * and metadata as separate parameters, which spares the server from unpacking an array. The
 * expectation arrives as two parameters so no text is ever cast to bigint.
 *
 * It returns one row: the revision the stream had (`actual`), and when the batch was written the
 * writing transaction, the last position and the last revision; those are null on a conflict.
 */
export const appendStatement = (quotedSchema: string, rows: 'one' | 'many'): string => `
  with current_revision as (
    select max(stream_revision) as revision from ${quotedSchema}.events where stream_name = $1
  ),
  allowed as (
    select coalesce(revision, -1) as last from current_revision
    where case $2::text
      when 'any' then true
      when 'no_stream' then revision is null
      when 'stream_exists' then revision is not null
      else revision = $3::bigint end
  ),
  inserted as (
    insert into ${quotedSchema}.events
        (stream_name, stream_revision, event_id, type, data, metadata, recorded_at)
      ${rows === 'one' ? insertOne : insertMany}
      returning position, stream_revision
  )
  select (select revision from current_revision) as actual_revision,
    pg_current_xact_id()::text as commit_position, max(position) as prepare_position,
    max(stream_revision) as last_revision
  from inserted`;

const insertOne = `select $1, allowed.last + 1, $4::uuid, $5::text, $6::json, $7::json, now()
        from allowed`;

const insertMany = `select $1, allowed.last + e.ordinality, (e.value->>'eventId')::uuid,
          e.value->>'type', e.value->'data', e.value->'metadata', now()
        from allowed, json_array_elements($4::json) with ordinality e
        order by e.ordinality`;
