import * as E from 'fp-ts/lib/Either.js';
import type {
  AppendOptions,
  AppendResult,
  EventToAppend,
  ExpectedRevision,
  WrongExpectedRevision,
} from '@clientele/eventstore';
import { ANY, NO_STREAM, validateAppend, wrongExpectedRevision } from '@clientele/eventstore';
import { appendWithoutCommand } from './appendPlain.js';
import type { AppendContext, AppendRow } from './appendRow.js';
import { batchJson, toAppendResult } from './appendRow.js';
import { appendWithCommand } from './appendWithCommand.js';

/** The SQLSTATE `append_events` raises when a concurrent append recorded the same command id. */
const COMMAND_RECORDED_CONCURRENTLY = 'CL001';

/** One append as asked: the stream, the events, the command id (if any) and the expectation. */
interface Append {
  readonly streamName: string;
  readonly events: readonly EventToAppend[];
  readonly commandId: string | undefined;
  readonly expected: ExpectedRevision;
}

/** What one try gave: the function's row, a final answer, or a lost race for `ANY` to retry. */
type Attempt =
  | { readonly kind: 'row'; readonly row: AppendRow }
  | { readonly kind: 'answer'; readonly answer: E.Either<WrongExpectedRevision, AppendResult> }
  | { readonly kind: 'retry'; readonly error: unknown };

const insert = (context: AppendContext, append: Append): Promise<AppendRow | undefined> =>
  append.commandId === undefined
    ? appendWithoutCommand(context, append.streamName, append.expected, append.events)
    : appendWithCommand(context, append.streamName, {
        expected: append.expected,
        commandId: append.commandId,
        batch: batchJson(append.events),
      });

/**
 * What a failed insert means: the command another writer recorded concurrently (its first
 * result), a revision another writer took (a conflict for an exact expectation; `ANY` and
 * `STREAM_EXISTS` still hold, so try again), or a fault, thrown as it is.
 */
const afterFailure = async (
  context: AppendContext,
  append: Append,
  error: unknown,
): Promise<Attempt> => {
  const { streamName, commandId, expected } = append;
  if (commandId !== undefined && errorCode(error) === COMMAND_RECORDED_CONCURRENTLY) {
    const first = await context.findCommandResult(commandId);
    if (first === undefined) throw error;
    return { kind: 'answer', answer: E.right({ ...first, duplicate: true }) };
  }
  if (!isRevisionTaken(error)) throw error;
  if (typeof expected === 'bigint' || expected === NO_STREAM) {
    const actual = await context.streamRevision(streamName);
    return { kind: 'answer', answer: E.left(wrongExpectedRevision(streamName, expected, actual)) };
  }
  return { kind: 'retry', error };
};

const attempt = async (context: AppendContext, append: Append): Promise<Attempt> => {
  try {
    const row = await insert(context, append);
    if (row === undefined) throw new Error(`append to ${append.streamName}: no result row`);
    return { kind: 'row', row };
  } catch (error) {
    return afterFailure(context, append, error);
  }
};

/** The answer a row of `append_events` (or the plain insert) gives. */
const answerOf = (
  append: Append,
  row: AppendRow,
): E.Either<WrongExpectedRevision, AppendResult> => {
  if (row.outcome === 'conflict') {
    const actual = row.actual_revision === null ? NO_STREAM : BigInt(row.actual_revision);
    return E.left(wrongExpectedRevision(append.streamName, append.expected, actual));
  }
  if (row.outcome === 'duplicate') return E.right({ ...toAppendResult(row), duplicate: true });
  const eventIds = append.events.map((event) => event.eventId);
  return E.right({ ...toAppendResult({ ...row, event_ids: eventIds }), duplicate: false });
};

/**
 * Appends in one round trip and one transaction: a plain INSERT ... SELECT without a command id,
 * the `append_events` function with one (it also checks and records the id). A lost race for
 * the next revision shows as a unique violation, reported as a conflict or retried for `ANY`.
 */
export const appendEvents = async (
  context: AppendContext,
  streamName: string,
  events: readonly EventToAppend[],
  options: AppendOptions,
): Promise<E.Either<WrongExpectedRevision, AppendResult>> => {
  validateAppend(streamName, events);
  const append: Append = {
    streamName,
    events,
    commandId: options.commandId,
    expected: options.expectedRevision ?? ANY,
  };
  for (let tries = 1; ; tries += 1) {
    const tried = await attempt(context, append);
    if (tried.kind === 'row') return answerOf(append, tried.row);
    if (tried.kind === 'answer') return tried.answer;
    if (tries >= MAX_ATTEMPTS) throw tried.error;
  }
};

/** How often an `ANY` append is retried after losing a race for the next revision. */
const MAX_ATTEMPTS = 20;

const errorCode = (error: unknown): unknown =>
  typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;

/** A unique violation of (stream_name, stream_revision): a concurrent append won the revision. */
const isRevisionTaken = (error: unknown): boolean =>
  errorCode(error) === '23505' &&
  (error as { constraint?: unknown }).constraint === 'events_stream_revision';
