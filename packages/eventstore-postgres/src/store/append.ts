import { createHash } from 'node:crypto';
import * as E from 'fp-ts/lib/Either.js';
import type pg from 'pg';
import type {
  AppendOptions,
  AppendResult,
  CurrentRevision,
  EventToAppend,
  ExpectedRevision,
  WrongExpectedRevision,
} from '@clientele/eventstore';
import {
  ANY,
  NO_STREAM,
  STREAM_EXISTS,
  position,
  revisionToString,
  stringifyJson,
  validateAppend,
  wrongExpectedRevision,
} from '@clientele/eventstore';
import { appendStatement } from './appendStatement.js';

/** What `append_events` returns: one row, whatever the outcome. */
export interface AppendRow {
  readonly outcome: 'appended' | 'duplicate' | 'conflict';
  readonly actual_revision: string | null;
  readonly stream_name: string;
  readonly first_revision: string;
  readonly last_revision: string;
  readonly commit_position: string;
  readonly prepare_position: string;
  readonly event_ids: readonly string[];
}

/** The SQLSTATE `append_events` raises when a concurrent append recorded the same command id. */
const COMMAND_RECORDED_CONCURRENTLY = 'CL001';

/** A row of the `commands` table: the first result of a command id. */
export type CommandRow = Omit<AppendRow, 'outcome' | 'actual_revision'>;

/** Builds the port's result from a row of `append_events` or of the `commands` table. */
export const toAppendResult = (row: CommandRow) =>
  ({
    streamName: row.stream_name,
    firstRevision: BigInt(row.first_revision),
    nextExpectedRevision: BigInt(row.last_revision),
    position: position(BigInt(row.commit_position), BigInt(row.prepare_position)),
    eventIds: row.event_ids,
  }) satisfies Omit<AppendResult, 'duplicate'>;

/** What an append needs from its engine. */
export interface AppendContext {
  readonly pool: pg.Pool;
  readonly schema: string;
  readonly retentionMilliseconds: number;
  readonly findCommandResult: (commandId: string) => Promise<AppendResult | undefined>;
  readonly streamRevision: (streamName: string) => Promise<CurrentRevision>;
}

/**
 * Appends in one round trip: a prepared call of `append_events`, which checks the command id,
 * the expected revision and inserts the batch in the statement's own transaction.
 */
export const appendEvents = async (
  context: AppendContext,
  streamName: string,
  events: readonly EventToAppend[],
  options: AppendOptions,
): Promise<E.Either<WrongExpectedRevision, AppendResult>> => {
  validateAppend(streamName, events);
  const expected = options.expectedRevision ?? ANY;
  let row: AppendRow | undefined;
  for (let attempt = 1; row === undefined; attempt += 1) {
    try {
      row = await (options.commandId === undefined
        ? appendWithoutCommand(context, streamName, expected, events)
        : appendWithCommand(context, streamName, expected, options.commandId, batchJson(events)));
      if (row === undefined) throw new Error(`append to ${streamName}: no result row`);
    } catch (error) {
      if (options.commandId !== undefined && errorCode(error) === COMMAND_RECORDED_CONCURRENTLY) {
        const first = await context.findCommandResult(options.commandId);
        if (first === undefined) throw error;
        return E.right({ ...first, duplicate: true });
      }
      if (!isRevisionTaken(error)) throw error;
      // Another writer took the revision between our check and our insert. With an exact
      // expectation that is a conflict; `ANY` and `STREAM_EXISTS` still hold, so try again.
      if (typeof expected === 'bigint' || expected === NO_STREAM) {
        const actual = await context.streamRevision(streamName);
        return E.left(wrongExpectedRevision(streamName, expected, actual));
      }
      if (attempt >= MAX_ATTEMPTS) throw error;
    }
  }
  if (row.outcome === 'conflict') {
    const actual = row.actual_revision === null ? NO_STREAM : BigInt(row.actual_revision);
    return E.left(wrongExpectedRevision(streamName, expected, actual));
  }
  if (row.outcome === 'duplicate') return E.right({ ...toAppendResult(row), duplicate: true });
  const eventIds = events.map((event) => event.eventId);
  return E.right({ ...toAppendResult({ ...row, event_ids: eventIds }), duplicate: false });
};

/** A batch as the JSON array the SQL unpacks, with our JSON rules (bigints as strings). */
const batchJson = (events: readonly EventToAppend[]): string =>
  stringifyJson(
    events.map(({ eventId, type, data, metadata }) => ({ eventId, type, data, metadata })),
  );

/** A prepared statement's name per schema; PostgreSQL allows 63 characters, a schema name 63. */
const statementName = (kind: string, schema: string): string =>
  `clientele_${kind}_${createHash('sha256').update(schema).digest('hex').slice(0, 24)}`;

/** The hot path: one plain statement (see {@link appendStatement}). */
const appendWithoutCommand = async (
  context: AppendContext,
  streamName: string,
  expected: ExpectedRevision,
  events: readonly EventToAppend[],
): Promise<AppendRow | undefined> => {
  const single = events.length === 1 ? events[0] : undefined;
  const expectation = [
    streamName,
    typeof expected === 'bigint' ? 'exact' : expected,
    typeof expected === 'bigint' ? expected.toString() : null,
  ];
  const { rows } = await context.pool.query<{
    commit_position: string;
    position: string;
    stream_revision: string;
  }>(
    single === undefined
      ? {
          name: statementName('append', context.schema),
          text: appendStatement(`"${context.schema}"`, 'many'),
          values: [...expectation, batchJson(events)],
        }
      : {
          name: statementName('append_one', context.schema),
          text: appendStatement(`"${context.schema}"`, 'one'),
          values: [
            ...expectation,
            single.eventId,
            single.type,
            stringifyJson(single.data),
            stringifyJson(single.metadata),
          ],
        },
  );
  const first = rows[0];
  if (first === undefined) {
    // Nothing written: the expectation did not hold. Conflicts are rare, so the actual
    // revision is read only now.
    const actual =
      expected === STREAM_EXISTS ? NO_STREAM : await context.streamRevision(streamName);
    return {
      ...CONFLICT,
      actual_revision: actual === NO_STREAM ? null : actual.toString(),
      stream_name: streamName,
    };
  }
  const last = rows.reduce((a, b) => (BigInt(a.position) > BigInt(b.position) ? a : b));
  const lastRevision = BigInt(last.stream_revision);
  return {
    outcome: 'appended',
    actual_revision: null,
    stream_name: streamName,
    first_revision: (lastRevision - BigInt(events.length - 1)).toString(),
    last_revision: last.stream_revision,
    commit_position: first.commit_position,
    prepare_position: last.position,
    event_ids: [],
  };
};

const CONFLICT = {
  outcome: 'conflict',
  first_revision: '',
  last_revision: '',
  commit_position: '',
  prepare_position: '',
  event_ids: [],
} as const;

/** With a command id: `append_events` checks and records the id in the same transaction. */
const appendWithCommand = async (
  context: AppendContext,
  streamName: string,
  expected: ExpectedRevision,
  commandId: string,
  batch: string,
): Promise<AppendRow | undefined> => {
  const { rows } = await context.pool.query<AppendRow>({
    name: statementName('append_command', context.schema),
    text: `select * from "${context.schema}".append_events($1, $2, $3, $4, $5::interval)`,
    values: [
      streamName,
      revisionToString(expected),
      commandId,
      batch,
      `${context.retentionMilliseconds} milliseconds`,
    ],
  });
  return rows[0];
};

/** How often an `ANY` append is retried after losing a race for the next revision. */
const MAX_ATTEMPTS = 20;

const errorCode = (error: unknown): unknown =>
  typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;

/** A unique violation of (stream_name, stream_revision): a concurrent append won the revision. */
const isRevisionTaken = (error: unknown): boolean =>
  errorCode(error) === '23505' &&
  (error as { constraint?: unknown }).constraint === 'events_stream_revision';
