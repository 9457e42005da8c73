import type * as E from 'fp-ts/lib/Either.js';
import type { EventToAppend, RecordedEvent } from '../envelope/envelope.js';
import type { LogStart, Position } from '../envelope/position.js';
import type { CurrentRevision, ExpectedRevision } from '../envelope/revision.js';
import type { WrongExpectedRevision } from './wrongExpectedRevision.js';
import type { END, START } from '../envelope/position.js';

/** Reading direction. */
export type Direction = 'forwards' | 'backwards';

/** Options of {@link EventStore.appendToStream}. */
export interface AppendOptions {
  /** Checked atomically with the write; defaults to `ANY`. */
  readonly expectedRevision?: ExpectedRevision;
  /**
   * The id of the command that produced these events. The engine records it in the same
   * transaction as the append; appending again with the same id writes nothing and returns the
   * first append's result with `duplicate: true`, whatever the stream holds by then.
   */
  readonly commandId?: string;
}

/** What an append wrote (or, for a duplicate command, what the first append wrote). */
export interface AppendResult {
  readonly streamName: string;
  /** Revision of the first event written by the append. */
  readonly firstRevision: bigint;
  /** Revision of the last event written: pass it as `expectedRevision` for the next append. */
  readonly nextExpectedRevision: bigint;
  /** Global position of the last event written. */
  readonly position: Position;
  /** Ids of the events written, in order. */
  readonly eventIds: readonly string[];
  /** True when the command id had been recorded before and nothing new was written. */
  readonly duplicate: boolean;
}

/** Options of {@link EventStore.readStream}. */
export interface ReadStreamOptions {
  /** First revision to return (inclusive). Defaults to `START` forwards, `END` backwards. */
  readonly fromRevision?: bigint | typeof START | typeof END;
  readonly direction?: Direction;
  /** At most this many events. */
  readonly maxCount?: number;
}

/** Selects events of the global log; all given criteria must hold. */
export interface EventFilter {
  /** Keep events whose stream name starts with one of these, e.g. `['Lead-', 'Customer-']`. */
  readonly streamNamePrefixes?: readonly string[];
  /** Keep events of exactly these types. */
  readonly eventTypes?: readonly string[];
}

/** Options of {@link EventStore.readAll}. */
export interface ReadAllOptions {
  /** First position to return (inclusive). Defaults to `START` forwards, `END` backwards. */
  readonly fromPosition?: LogStart;
  readonly direction?: Direction;
  readonly maxCount?: number;
  readonly filter?: EventFilter;
}

/** Options of {@link EventStore.subscribeToAll}. */
export interface SubscribeToAllOptions {
  /**
   * Where to start: `START` delivers the whole log, `END` only events appended from now on, and a
   * position delivers the events *after* it (pass the last checkpoint).
   */
  readonly fromPosition?: LogStart;
  readonly filter?: EventFilter;
}

/** What a subscription delivers: events, and a marker each time it has caught up with the log. */
export type SubscriptionMessage =
  | { readonly kind: 'event'; readonly event: RecordedEvent }
  | { readonly kind: 'caughtUp'; readonly position: Position | undefined };

/**
 * A catch-up subscription: iterate it to receive the existing events, then a `caughtUp` marker,
 * then live events as they are appended. `stop()` ends the iteration.
 */
export interface Subscription extends AsyncIterable<SubscriptionMessage> {
  stop(): Promise<void>;
}

/**
 * The event-store port. Every engine (in-memory, SQLite, PostgreSQL, EventStoreDB) implements it;
 * in-memory, SQLite and PostgreSQL pass the same contract suite (`@clientele/eventstore/testing`)
 * here, EventStoreDB is experimental until a run against a server is recorded.
 *
 * Expected failures are values: a concurrency conflict is a `Left`. Faults of the machine (disk,
 * network, a corrupt row) reject the promise.
 */
export interface EventStore {
  /** A short engine name for messages and benchmarks: `memory`, `sqlite`, `postgres`, `esdb`. */
  readonly engineName: string;

  /**
   * Appends a non-empty batch atomically: either every event is written, with contiguous
   * revisions, or none is.
   */
  appendToStream(
    streamName: string,
    events: readonly EventToAppend[],
    options?: AppendOptions,
  ): Promise<E.Either<WrongExpectedRevision, AppendResult>>;

  /** The events of one stream, read lazily in pages. A stream that does not exist yields nothing. */
  readStream(streamName: string, options?: ReadStreamOptions): AsyncIterable<RecordedEvent>;

  /** The global log in position order, read lazily in pages: memory stays bounded. */
  readAll(options?: ReadAllOptions): AsyncIterable<RecordedEvent>;

  /** Catch-up then live subscription to the global log. */
  subscribeToAll(options?: SubscribeToAllOptions): Subscription;

  /** The revision of a stream's last event, or `NO_STREAM`. */
  streamRevision(streamName: string): Promise<CurrentRevision>;

  /** The position of the last event in the log, or undefined for an empty log. */
  headPosition(): Promise<Position | undefined>;

  /** The recorded result of a command id that appended events, if it is still retained. */
  findCommandResult(commandId: string): Promise<AppendResult | undefined>;

  /** Releases connections and timers. Subscriptions still open are stopped. */
  close(): Promise<void>;
}
