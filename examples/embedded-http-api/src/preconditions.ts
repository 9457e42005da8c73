import { AsyncLocalStorage } from 'node:async_hooks';
import * as E from 'fp-ts/lib/Either.js';
import type { EventStore } from '@clientele/eventstore';
import { NO_STREAM, wrongExpectedRevision } from '@clientele/eventstore';

/** A request's `If-Match`: the revision the client last saw of the stream it writes to. */
export interface Precondition {
  readonly streamName: string;
  readonly revision: bigint;
}

/** A store whose appends honour the precondition of the request they run in. */
export interface PreconditionedStore {
  readonly store: EventStore;
  /** Runs `work` with `precondition` in force for every append it makes to that stream. */
  within<T>(precondition: Precondition | undefined, work: () => Promise<T>): Promise<T>;
}

/**
 * Wraps a store so that an append to the stream a request's `If-Match` names is refused as a
 * conflict unless the command handler loaded exactly that revision. The handler appends with the
 * revision it loaded as the expected one, which the engine checks atomically, so a writer that
 * slips in between the client's read and this append is caught too; and the handler looks up the
 * idempotency key before it loads anything, so a retried request still answers with its first
 * result rather than a failed precondition.
 */
export const withPreconditions = (store: EventStore): PreconditionedStore => {
  const current = new AsyncLocalStorage<Precondition>();
  const guarded: EventStore = {
    engineName: store.engineName,
    appendToStream: (streamName, events, options) => {
      const precondition = current.getStore();
      const expected = options?.expectedRevision;
      if (
        precondition !== undefined &&
        precondition.streamName === streamName &&
        expected !== precondition.revision
      ) {
        const actual = typeof expected === 'bigint' ? expected : NO_STREAM;
        return Promise.resolve(
          E.left(wrongExpectedRevision(streamName, precondition.revision, actual)),
        );
      }
      return store.appendToStream(streamName, events, options);
    },
    readStream: (streamName, options) => store.readStream(streamName, options),
    readAll: (options) => store.readAll(options),
    subscribeToAll: (options) => store.subscribeToAll(options),
    streamRevision: (streamName) => store.streamRevision(streamName),
    headPosition: () => store.headPosition(),
    findCommandResult: (commandId) => store.findCommandResult(commandId),
    close: () => store.close(),
  };
  return {
    store: guarded,
    within: (precondition, work) =>
      precondition === undefined ? work() : current.run(precondition, work),
  };
};

/** The strong entity tag of a stream revision: `"3"`. */
export const entityTag = (revision: bigint): string => `"${revision}"`;

/**
 * The revision an `If-Match` header names, undefined when there is none, or a reason it is not
 * one: only a single strong tag of a revision (`"3"`) says which state the client saw.
 */
export const ifMatchRevision = (
  header: string | undefined,
): E.Either<string, bigint | undefined> => {
  if (header === undefined) return E.right(undefined);
  const match = /^\s*"(0|[1-9]\d*)"\s*$/.exec(header);
  return match?.[1] === undefined
    ? E.left(`expected one strong entity tag of a revision, such as "3", got ${header}`)
    : E.right(BigInt(match[1]));
};
