import type { Database, Statement } from 'better-sqlite3';
import * as E from 'fp-ts/lib/Either.js';
import type {
  AppendResult,
  CurrentRevision,
  EventToAppend,
  ExpectedRevision,
  WrongExpectedRevision,
} from '@clientele/eventstore';
import {
  NO_STREAM,
  position,
  satisfiesExpectedRevision,
  wrongExpectedRevision,
} from '@clientele/eventstore';
import { jsonText } from './jsonText.js';

interface CommandRow {
  readonly stream_name: string;
  readonly first_revision: bigint;
  readonly last_revision: bigint;
  readonly position: bigint;
  readonly event_ids: string;
}

/** The append's prepared statements, compiled once per connection. */
export interface AppendStatements {
  readonly findCommand: Statement;
  readonly streamRevision: Statement;
  readonly insertEvent: Statement;
  readonly insertCommand: Statement;
}

/** Compiles the statements an append runs. */
export const prepareAppend = (db: Database): AppendStatements => ({
  findCommand: db
    .prepare(
      'SELECT stream_name, first_revision, last_revision, position, event_ids FROM commands WHERE command_id = ? AND recorded_at >= ?',
    )
    .safeIntegers(true),
  streamRevision: db
    .prepare('SELECT max(stream_revision) FROM events WHERE stream_name = ?')
    .safeIntegers(true)
    .pluck(),
  insertEvent: db.prepare(
    'INSERT INTO events (stream_name, stream_revision, event_id, type, data, metadata, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  ),
  insertCommand: db.prepare(
    'INSERT OR REPLACE INTO commands (command_id, stream_name, first_revision, last_revision, position, event_ids, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  ),
});

/** The append result a command record holds. */
const commandResult = (row: CommandRow): AppendResult => ({
  streamName: row.stream_name,
  firstRevision: row.first_revision,
  nextExpectedRevision: row.last_revision,
  position: position(row.position),
  eventIds: JSON.parse(row.event_ids) as string[],
  duplicate: false,
});

/** The revision of a stream's last event, read from the unique (stream, revision) index. */
export const currentRevision = (
  statements: AppendStatements,
  streamName: string,
): CurrentRevision => {
  const last = statements.streamRevision.get(streamName) as bigint | null;
  return last === null ? NO_STREAM : last;
};

/** Looks up a command id's result, if it was recorded at `since` (ISO-8601) or later. */
export const findCommand = (
  statements: AppendStatements,
  commandId: string,
  since: string,
): AppendResult | undefined => {
  const row = statements.findCommand.get(commandId, since) as CommandRow | undefined;
  return row === undefined ? undefined : commandResult(row);
};

/** One append, as the store hands it to {@link appendInTransaction}. */
export interface AppendRequest {
  readonly streamName: string;
  readonly events: readonly EventToAppend[];
  readonly expected: ExpectedRevision;
  readonly commandId: string | undefined;
  /** ISO-8601 stamp of the events and of the command record. */
  readonly recordedAt: string;
  /** Command records older than this (ISO-8601) are past retention and no longer deduplicate. */
  readonly commandsRetainedSince: string;
}

/**
 * The body of one append, run inside a `BEGIN IMMEDIATE` transaction: the dedupe record, the
 * expected-revision check, the rows and the command record are all written or
 * none is. UNIQUE (stream_name, stream_revision) backs the check up in the database itself.
 */
export const appendInTransaction = (
  statements: AppendStatements,
  request: AppendRequest,
): E.Either<WrongExpectedRevision, AppendResult> => {
  const { streamName, events, expected, commandId, recordedAt } = request;
  if (commandId !== undefined) {
    const earlier = findCommand(statements, commandId, request.commandsRetainedSince);
    if (earlier !== undefined) return E.right({ ...earlier, duplicate: true });
  }
  const actual = currentRevision(statements, streamName);
  if (!satisfiesExpectedRevision(expected, actual))
    return E.left(wrongExpectedRevision(streamName, expected, actual));
  const firstRevision = actual === NO_STREAM ? 0n : actual + 1n;
  let revision = firstRevision;
  let lastPosition = 0n;
  for (const event of events) {
    const inserted = statements.insertEvent.run(
      streamName,
      revision,
      event.eventId,
      event.type,
      jsonText(event.data),
      jsonText(event.metadata),
      recordedAt,
    );
    lastPosition = BigInt(inserted.lastInsertRowid);
    revision += 1n;
  }
  const lastRevision = revision - 1n;
  const eventIds = events.map((event) => event.eventId);
  if (commandId !== undefined) {
    statements.insertCommand.run(
      commandId,
      streamName,
      firstRevision,
      lastRevision,
      lastPosition,
      JSON.stringify(eventIds),
      recordedAt,
    );
  }
  return E.right({
    streamName,
    firstRevision,
    nextExpectedRevision: lastRevision,
    position: position(lastPosition),
    eventIds,
    duplicate: false,
  });
};
