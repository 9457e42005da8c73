/**
 * The schema's migrations in order; each runs once, in a transaction, and is recorded in
 * `schema_migrations`. `$S` stands for the quoted schema name. Never edit a released migration:
 * append a new one.
 *
 * Layout, and why:
 * - `events` is keyed by (transaction_id, position). `position` comes from an identity sequence,
 *   so two concurrent transactions can commit out of sequence order; readers therefore order the
 *   log by the writing transaction's id first and only read transactions older than the oldest one
 *   still running (`pg_snapshot_xmin`), a prefix of the log that can no longer grow in the middle.
 * - The expected-revision check reads the stream's last revision from the unique
 *   (stream_name, stream_revision) index, which also enforces it: of two writers that read the
 *   same revision, the second fails on the index once the first commits. Writers to other
 *   streams never wait for each other, and an append writes no row besides its events.
 * - `commands` is the dedupe record of command ids, written in the append's transaction.
 * - `data` and `metadata` are `json`, not `jsonb`: the caller's JSON text is kept as written.
 */
export const migrations: readonly string[] = [
  `
  create table $S.events (
    transaction_id xid8 not null default pg_current_xact_id(),
    position bigint generated always as identity,
    stream_name text not null,
    stream_revision bigint not null,
    event_id uuid not null,
    type text not null,
    data json not null,
    metadata json not null,
    recorded_at timestamptz not null,
    primary key (transaction_id, position)
  );
  create unique index events_stream_revision on $S.events (stream_name, stream_revision);
  create table $S.commands (
    command_id text primary key,
    stream_name text not null,
    first_revision bigint not null,
    last_revision bigint not null,
    commit_position bigint not null,
    prepare_position bigint not null,
    event_ids json not null,
    recorded_at timestamptz not null
  );
  create table $S.checkpoints (
    name text primary key,
    position text not null,
    updated_at timestamptz not null default now()
  );
  `,
  `
  create function $S.append_events(
    p_stream text, p_expected text, p_command_id text, p_events json, p_retention interval
  ) returns table (
    outcome text, actual_revision bigint, stream_name text, first_revision bigint,
    last_revision bigint, commit_position bigint, prepare_position bigint, event_ids json
  ) language plpgsql as $fn$
  declare
    v_count int := json_array_length(p_events);
    v_now timestamptz := now();
    v_current bigint;
    v_conflict boolean := false;
    v_last bigint;
    v_position bigint;
    v_event_ids json;
  begin
    if p_command_id is not null then
      return query select 'duplicate', null::bigint, c.stream_name, c.first_revision,
          c.last_revision, c.commit_position, c.prepare_position, c.event_ids
        from $S.commands c
        where c.command_id = p_command_id and c.recorded_at > v_now - p_retention;
      if found then return; end if;
    end if;
    -- The unique (stream_name, stream_revision) index is the real check: a writer that raced
    -- past this one fails on it, and the caller turns that into a conflict (or retries ANY).
    select max(e.stream_revision) into v_current from $S.events e where e.stream_name = p_stream;
    if p_expected = 'no_stream' then
      v_conflict := v_current is not null;
    elsif p_expected = 'stream_exists' then
      v_conflict := v_current is null;
    elsif p_expected <> 'any' then
      v_conflict := v_current is distinct from p_expected::bigint;
    end if;
    if v_conflict then
      return query select 'conflict', v_current, p_stream, null::bigint, null::bigint,
        null::bigint, null::bigint, null::json;
      return;
    end if;
    v_last := coalesce(v_current, -1) + v_count;
    with inserted as (
      insert into $S.events
          (stream_name, stream_revision, event_id, type, data, metadata, recorded_at)
        select p_stream, v_last - v_count + e.ordinality, (e.value->>'eventId')::uuid,
            e.value->>'type', e.value->'data', e.value->'metadata', v_now
          from json_array_elements(p_events) with ordinality e
          order by e.ordinality
        returning position
    ) select max(position) into v_position from inserted;
    if p_command_id is not null then
      select json_agg(e->'eventId') into v_event_ids from json_array_elements(p_events) e;
      insert into $S.commands as c values (p_command_id, p_stream, v_last - v_count + 1, v_last,
          pg_current_xact_id()::text::bigint, v_position, v_event_ids, v_now)
        on conflict on constraint commands_pkey do update set stream_name = excluded.stream_name,
          first_revision = excluded.first_revision, last_revision = excluded.last_revision,
          commit_position = excluded.commit_position,
          prepare_position = excluded.prepare_position, event_ids = excluded.event_ids,
          recorded_at = excluded.recorded_at
        where c.recorded_at <= v_now - p_retention;
      if not found then
        -- A concurrent append with the same command id committed first: undo ours.
        raise exception 'command % was recorded concurrently', p_command_id
          using errcode = 'CL001';
      end if;
    end if;
    -- The caller knows the event ids; they are only stored with a command id.
    return query select 'appended', null::bigint, p_stream, v_last - v_count + 1, v_last,
      pg_current_xact_id()::text::bigint, v_position, null::json;
  end
  $fn$;
  `,
  // Per-person data keys for crypto-shredding (`createPostgresDataKeyStore`): one key per
  // subject; forgetting deletes the row and records the subject so no key is created again.
  `
  create table $S.data_keys (
    subject_id text primary key,
    key_id text not null unique,
    key bytea not null,
    created_at timestamptz not null default now()
  );
  create table $S.forgotten_subjects (
    subject_id text primary key,
    forgotten_at timestamptz not null default now()
  );
  `,
  // Aggregate snapshots (`createPostgresSnapshotStore`): one per stream and state version. They
  // are a cache of decrypted state, so forgetting a person deletes the rows of their streams.
  `
  create table $S.snapshots (
    stream_name text not null,
    state_version text not null,
    revision bigint not null,
    state jsonb not null,
    saved_at timestamptz not null default now(),
    primary key (stream_name, state_version)
  );
  `,
];
