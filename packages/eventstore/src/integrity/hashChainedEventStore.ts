import * as E from 'fp-ts/lib/Either.js';
import type { EventToAppend, RecordedEvent } from '../envelope/envelope.js';
import type { CurrentRevision } from '../envelope/revision.js';
import type { AppendResult, EventStore } from '../eventStore/eventStore.js';
import type { WrongExpectedRevision } from '../eventStore/wrongExpectedRevision.js';
import { ANY, NO_STREAM, satisfiesExpectedRevision } from '../envelope/revision.js';
import { wrongExpectedRevision } from '../eventStore/wrongExpectedRevision.js';
import { eventHash } from './eventHash.js';

const MAX_ATTEMPTS = 10;

const lastEvent = async (
  store: EventStore,
  streamName: string,
): Promise<RecordedEvent | undefined> => {
  for await (const event of store.readStream(streamName, { direction: 'backwards', maxCount: 1 }))
    return event;
  return undefined;
};

/** Sets `metadata.chain` on each event of a batch, continuing from `previous`. */
const chainBatch = (
  events: readonly EventToAppend[],
  streamName: string,
  firstRevision: bigint,
  previous: string | null,
): EventToAppend[] => {
  let link = previous;
  return events.map((event, index) => {
    link = eventHash(event, streamName, firstRevision + BigInt(index), link);
    return { ...event, metadata: { ...event.metadata, chain: link } };
  });
};

/** The batch chained onto the stream's last event (none: the batch starts the stream). */
const chainOnto = (
  events: readonly EventToAppend[],
  streamName: string,
  head: RecordedEvent | undefined,
): EventToAppend[] =>
  head === undefined
    ? chainBatch(events, streamName, 0n, null)
    : chainBatch(events, streamName, head.streamRevision + 1n, head.metadata.chain ?? null);

/** The result a command already appended, as a duplicate: a retried command writes nothing. */
const earlierResult = async (
  store: EventStore,
  commandId: string | undefined,
): Promise<AppendResult | undefined> => {
  if (commandId === undefined) return undefined;
  const earlier = await store.findCommandResult(commandId);
  return earlier === undefined ? undefined : { ...earlier, duplicate: true };
};

/**
 * Wraps an engine so every appended event carries its stream hash-chain value in
 * `metadata.chain` (see {@link eventHash}). The link is computed from the stream's last event and
 * appended under an exact expected revision, so the chain is checked by the same concurrency
 * control as the append: appends to different streams stay concurrent, nothing serializes the log.
 *
 * A caller's `ANY` or `STREAM_EXISTS` append that loses a race is retried (up to 10 times) with
 * the new head; an exact expectation is reported as the conflict it is.
 */
export const withHashChain = (store: EventStore): EventStore => {
  const appendToStream: EventStore['appendToStream'] = async (streamName, events, options = {}) => {
    const expected = options.expectedRevision ?? ANY;
    // The command id is not looked up first: the engine checks it inside the append and answers
    // a duplicate with the first result. Only a refusal asks, since a command already recorded
    // may be why the stream moved past the expectation (a retried request).
    const refused = async (
      conflict: WrongExpectedRevision,
    ): Promise<E.Either<WrongExpectedRevision, AppendResult>> => {
      const duplicate = await earlierResult(store, options.commandId);
      return duplicate === undefined ? E.left(conflict) : E.right(duplicate);
    };
    let conflict: WrongExpectedRevision | undefined;
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
      const head = await lastEvent(store, streamName);
      const actual: CurrentRevision = head?.streamRevision ?? NO_STREAM;
      if (!satisfiesExpectedRevision(expected, actual)) {
        return refused(wrongExpectedRevision(streamName, expected, actual));
      }
      const result: E.Either<WrongExpectedRevision, AppendResult> = await store.appendToStream(
        streamName,
        chainOnto(events, streamName, head),
        {
          expectedRevision: actual,
          commandId: options.commandId,
        },
      );
      if (E.isRight(result)) return result;
      conflict = result.left;
      // Only an ANY or STREAM_EXISTS expectation still holds on the new head.
      if (typeof expected === 'bigint' || expected === NO_STREAM) {
        return refused(wrongExpectedRevision(streamName, expected, conflict.actual));
      }
    }
    return refused(conflict as WrongExpectedRevision);
  };
  return {
    engineName: store.engineName,
    appendToStream,
    readStream: (streamName, options) => store.readStream(streamName, options),
    readAll: (options) => store.readAll(options),
    subscribeToAll: (options) => store.subscribeToAll(options),
    streamRevision: (streamName) => store.streamRevision(streamName),
    headPosition: () => store.headPosition(),
    findCommandResult: (commandId) => store.findCommandResult(commandId),
    close: () => store.close(),
  };
};
