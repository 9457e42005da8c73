import * as E from 'fp-ts/lib/Either.js';
import type { EventStoreDBClient } from '@eventstore/db-client';
import { WrongExpectedVersionError, jsonEvent } from '@eventstore/db-client';
import type { AppendResult, WrongExpectedRevision } from '@clientele/eventstore';
import { DecodeError } from '@clientele/eventstore';
import { COMMAND_STREAM_CATEGORY } from '../mapping/events.js';
import { isStreamNotFound } from '../mapping/errors.js';
import type { CommandState } from './commandRecord.js';
import { CommandRecord, commandState, completedRecord } from './commandRecord.js';

/** Options of {@link appendOnce}. */
export interface CommandLedgerOptions {
  readonly client: EventStoreDBClient;
  /** How long command streams are kept (EventStoreDB's `$maxAge`), in seconds. */
  readonly retentionSeconds: number;
  /** How long a claim without an outcome is respected before it is taken over, in ms. */
  readonly claimTimeoutMilliseconds: number;
}

const commandStream = (commandId: string): string => `${COMMAND_STREAM_CATEGORY}-${commandId}`;

/** Reads a command stream and folds it; a missing stream is `unknown`. */
export const readCommandState = async (
  client: EventStoreDBClient,
  commandId: string,
): Promise<CommandState> => {
  const records: CommandRecord[] = [];
  let lastRevision: bigint | undefined;
  try {
    for await (const resolved of client.readStream(commandStream(commandId))) {
      const event = resolved.event;
      if (event === undefined) continue;
      const decoded = CommandRecord.decode({ type: event.type, data: event.data });
      if (decoded._tag === 'Left') {
        throw new DecodeError(`${commandStream(commandId)}@${event.revision}`, decoded.left);
      }
      records.push(decoded.right);
      lastRevision = event.revision;
    }
  } catch (error) {
    if (!isStreamNotFound(error)) throw error;
  }
  const state = commandState(records);
  // A claimed or free state was made by the last record. Its revision is the server's, not its
  // index: they differ once a soft delete or `$maxAge` took the stream's first records away.
  return (state.kind === 'claimed' || state.kind === 'free') && lastRevision !== undefined
    ? { ...state, revision: lastRevision }
    : state;
};

const sleep = (milliseconds: number) =>
  new Promise<void>((resolve) => setTimeout(resolve, milliseconds));

/** The write a command makes, for {@link appendOnce}. */
export interface LedgerWrite {
  /** Appends the command's events; run at most once per command id. */
  readonly append: () => Promise<E.Either<WrongExpectedRevision, AppendResult>>;
  /** The command's events when they are in their stream already (a writer died after them). */
  readonly findWritten: () => Promise<AppendResult | undefined>;
}

/** What a command claims, for {@link appendOnce}: the stream and event ids it is about to write. */
export interface CommandClaim {
  readonly streamName: string;
  readonly eventIds: readonly string[];
}

/** The id's state; `unknown` once every record outlived `$maxAge` is free after `expiredAt`. */
const stateAfterExpiry = (read: CommandState, expiredAt: bigint | undefined): CommandState =>
  read.kind === 'unknown' && expiredAt !== undefined ? { kind: 'free', revision: expiredAt } : read;

/** A claim older than the timeout: its events, if written, are recorded as the outcome. */
const settleStaleClaim = async (
  client: EventStoreDBClient,
  stream: string,
  revision: bigint,
  findWritten: LedgerWrite['findWritten'],
): Promise<AppendResult | undefined> => {
  const written = await findWritten();
  if (written === undefined) return undefined;
  await client.appendToStream(stream, jsonEvent(completedRecord(written)), {
    expectedRevision: revision,
  });
  return { ...written, duplicate: true };
};

/**
 * Claims the id with an append at the state's revision: the claim's revision (the server's: after
 * a soft delete a recreated stream goes on from the old one), or the refusal when another attempt
 * claimed first.
 */
const tryClaim = async (
  client: EventStoreDBClient,
  stream: string,
  claim: CommandClaim,
  state: Exclude<CommandState, { kind: 'completed' }>,
): Promise<bigint | WrongExpectedVersionError> => {
  try {
    const claimed = await client.appendToStream(
      stream,
      jsonEvent({
        type: 'CommandClaimed',
        data: { ...claim, eventIds: [...claim.eventIds], claimedAt: Date.now() },
      }),
      { expectedRevision: state.kind === 'unknown' ? 'no_stream' : state.revision },
    );
    return claimed.nextExpectedRevision;
  } catch (error) {
    if (error instanceof WrongExpectedVersionError) return error;
    throw error;
  }
};

const outcomeRecord = (result: E.Either<WrongExpectedRevision, AppendResult>) =>
  E.isLeft(result)
    ? jsonEvent({ type: 'CommandReleased', data: {} })
    : jsonEvent(completedRecord(result.right));

/**
 * Runs `write.append` at most once per command id. EventStoreDB has no transaction spanning two
 * streams, so the dedupe record cannot be written atomically with the events; instead a writer
 * first claims the id in `ClienteleCommand-<id>` (an append with an expected revision, so exactly
 * one writer wins), then appends, then records the outcome. Another attempt meanwhile waits for
 * that outcome. Limit: a writer that dies between its append and the outcome leaves a claim; once
 * it is older than the claim timeout, the next attempt looks for the claimed event ids in the
 * target stream and either records them as the outcome or takes the claim over. A claim taken
 * over from a writer that was only slow, not dead, can let both write.
 */
export const appendOnce = async (
  options: CommandLedgerOptions,
  commandId: string,
  claim: CommandClaim,
  write: LedgerWrite,
): Promise<E.Either<WrongExpectedRevision, AppendResult>> => {
  const { client } = options;
  const stream = commandStream(commandId);
  // Set when the stream exists but shows no record: all outlived `$maxAge`. The id is free again,
  // to be claimed after the stream's last revision, which only the server's refusal tells.
  let expiredAt: bigint | undefined;
  for (;;) {
    const read = await readCommandState(client, commandId);
    const state = stateAfterExpiry(read, expiredAt);
    if (state.kind === 'completed') return E.right({ ...state.result, duplicate: true });
    if (state.kind === 'claimed') {
      if (Date.now() - state.claim.claimedAt < options.claimTimeoutMilliseconds) {
        await sleep(20);
        continue;
      }
      const settled = await settleStaleClaim(client, stream, state.revision, write.findWritten);
      if (settled !== undefined) return E.right(settled);
    }
    const claimRevision = await tryClaim(client, stream, claim, state);
    if (claimRevision instanceof WrongExpectedVersionError) {
      // Another attempt claimed first: read again and wait for its outcome.
      if (read.kind === 'unknown' && typeof claimRevision.actualVersion === 'bigint') {
        expiredAt = claimRevision.actualVersion;
      }
      continue;
    }
    if (state.kind === 'unknown') {
      await client.setStreamMetadata(stream, { maxAge: options.retentionSeconds });
    }
    const result = await write.append();
    await client.appendToStream(stream, outcomeRecord(result), { expectedRevision: claimRevision });
    return result;
  }
};
