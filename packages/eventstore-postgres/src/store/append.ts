import * as E from 'fp-ts/lib/Either.js';
import type {
  AppendOptions,
  AppendResult,
  EventToAppend,
  WrongExpectedRevision,
} from '@clientele/eventstore';
import { ANY, NO_STREAM, validateAppend, wrongExpectedRevision } from '@clientele/eventstore';
import { appendWithoutCommand } from './appendPlain.js';
import type { AppendContext, AppendRow } from './appendRow.js';
import { batchJson, toAppendResult } from './appendRow.js';
import { appendWithCommand } from './appendWithCommand.js';

/** The SQLSTATE `append_events` raises when a concurrent append recorded the same command id. */
const COMMAND_RECORDED_CONCURRENTLY = 'CL001';

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

/** How often an `ANY` append is retried after losing a race for the next revision. */
const MAX_ATTEMPTS = 20;

const errorCode = (error: unknown): unknown =>
  typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;

/** A unique violation of (stream_name, stream_revision): a concurrent append won the revision. */
const isRevisionTaken = (error: unknown): boolean =>
  errorCode(error) === '23505' &&
  (error as { constraint?: unknown }).constraint === 'events_stream_revision';
