import type * as E from 'fp-ts/lib/Either.js';
import type {
  AppendOptions,
  AppendResult,
  CurrentRevision,
  EventToAppend,
  ReadStreamOptions,
  RecordedEvent,
  WrongExpectedRevision,
} from '@clientele/eventstore';
import { START } from '@clientele/eventstore';
import type { GroupCache } from './groupCache.js';
import { frozenEvent } from './groupCache.js';
import type { PostgresGroupCommit } from './groupCommit.js';
import type { StreamSource } from './readStream.js';
import { readStream } from './readStream.js';

/** A read from the stream's first event to its end: what the cache can keep. */
const readsWholeStream = (options: ReadStreamOptions): boolean =>
  options.direction !== 'backwards' &&
  (options.fromRevision === undefined ||
    options.fromRevision === START ||
    options.fromRevision === 0n) &&
  options.maxCount === undefined;

/** Reads a stream the group never read and remembers it; its events are handed out frozen. */
async function* readAndRemember(
  cache: GroupCache,
  source: StreamSource,
  streamName: string,
): AsyncGenerator<RecordedEvent> {
  const changes = cache.changes();
  const events: RecordedEvent[] = [];
  for await (const event of readStream(source, streamName, {})) {
    const frozen = frozenEvent(event);
    events.push(frozen);
    yield frozen;
  }
  // An append made while the caller was still reading may be missing from what was read.
  if (cache.changes() === changes) cache.rememberStream(streamName, events);
}

/**
 * A stream read, inside a group served from what the group knows when it can: a stream the
 * group has read whole or written from its start costs no round trip.
 */
export async function* readThroughGroup(
  group: PostgresGroupCommit,
  source: Omit<StreamSource, 'connection'>,
  streamName: string,
  options: ReadStreamOptions,
): AsyncGenerator<RecordedEvent> {
  const cache = group.cache();
  const connected = { ...source, connection: group.connection() };
  const cached = cache?.read(streamName, options);
  if (cached !== undefined) yield* cached;
  else if (cache !== undefined && readsWholeStream(options))
    yield* readAndRemember(cache, connected, streamName);
  else yield* readStream(connected, streamName, options);
}

/** A stream's revision, from the group's cache when it knows the stream. */
export const revisionThroughGroup = async (
  group: PostgresGroupCommit,
  streamName: string,
  fromServer: (streamName: string) => Promise<CurrentRevision>,
): Promise<CurrentRevision> => group.cache()?.revision(streamName) ?? fromServer(streamName);

/** A command-id look-up, from the group's cache when it knows the id; remembered in a group. */
export const commandThroughGroup = async (
  group: PostgresGroupCommit,
  commandId: string,
  fromServer: (commandId: string) => Promise<AppendResult | undefined>,
): Promise<AppendResult | undefined> => {
  const cache = group.cache();
  const known = cache?.command(commandId);
  if (known !== undefined) return known.result === undefined ? undefined : { ...known.result };
  const result = await fromServer(commandId);
  cache?.rememberCommand(commandId, result);
  return result;
};

/**
 * Tells the open group's cache what an append did: a written batch extends the stream, a
 * command id's result is remembered, and a conflict (another writer took the revision, or the
 * cache was stale) makes it forget the stream so the next read asks the server.
 */
export const noteAppend = (
  group: PostgresGroupCommit,
  append: { streamName: string; events: readonly EventToAppend[]; options: AppendOptions },
  outcome: E.Either<WrongExpectedRevision, AppendResult>,
): void => {
  const cache = group.cache();
  if (cache === undefined) return;
  const { streamName, events, options } = append;
  if (outcome._tag === 'Left') {
    cache.forgetStream(streamName);
    return;
  }
  if (options.commandId !== undefined)
    cache.rememberCommand(options.commandId, outcome.right, !outcome.right.duplicate);
  if (!outcome.right.duplicate)
    cache.appended(streamName, events, outcome.right, group.transactionStartedAt());
};
