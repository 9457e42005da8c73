import * as E from 'fp-ts/lib/Either.js';
import type { EventToAppend, RecordedEvent } from '../envelope/envelope.js';
import type { Position } from '../envelope/position.js';
import type { CurrentRevision } from '../envelope/revision.js';
import type {
  AppendOptions,
  AppendResult,
  EventStore,
  ReadAllOptions,
  ReadStreamOptions,
  SubscribeToAllOptions,
} from '../eventStore/eventStore.js';
import type { LogSource } from '../subscriptions/followLog.js';
import { END, START, position } from '../envelope/position.js';
import { ANY, NO_STREAM, satisfiesExpectedRevision } from '../envelope/revision.js';
import { validateAppend } from '../eventStore/validateAppend.js';
import { wrongExpectedRevision } from '../eventStore/wrongExpectedRevision.js';
import { matchesFilter } from '../subscriptions/eventFilter.js';
import { followLog } from '../subscriptions/followLog.js';
import { createSubscriptionTracker } from '../subscriptions/subscriptionTracker.js';
import { deepFreeze, jsonCopy } from './jsonCopy.js';

/** Options of {@link createInMemoryEventStore}. */
export interface InMemoryEventStoreOptions {
  /** The clock that stamps `recordedAt`; tests pass a fixed one. Defaults to the system clock. */
  readonly now?: () => Date;
}

/**
 * The in-memory engine: for tests, demos and the benchmarks' baseline. It keeps the log in arrays
 * and behaves exactly like the durable engines (it passes the same contract suite): events are
 * copied through JSON on append, so a caller mutating its objects afterwards cannot rewrite
 * history, and what is read back is frozen.
 */
export const createInMemoryEventStore = (options: InMemoryEventStoreOptions = {}): EventStore => {
  const now = options.now ?? (() => new Date());
  const log: RecordedEvent[] = [];
  const streams = new Map<string, RecordedEvent[]>();
  const commands = new Map<string, AppendResult>();
  const waiters = new Set<() => void>();

  const currentRevision = (name: string): CurrentRevision => {
    const stream = streams.get(name);
    return stream === undefined ? NO_STREAM : BigInt(stream.length - 1);
  };

  const notifyAppend = (): void => {
    for (const wake of [...waiters]) wake();
  };

  const append = (
    streamName: string,
    events: readonly EventToAppend[],
    appendOptions: AppendOptions,
  ) => {
    validateAppend(streamName, events);
    const { commandId, expectedRevision = ANY } = appendOptions;
    if (commandId !== undefined) {
      const first = commands.get(commandId);
      if (first !== undefined) return E.right({ ...first, duplicate: true });
    }
    const actual = currentRevision(streamName);
    if (!satisfiesExpectedRevision(expectedRevision, actual)) {
      return E.left(wrongExpectedRevision(streamName, expectedRevision, actual));
    }
    // Copy everything before touching the log, so a value that cannot be serialized leaves the
    // store unchanged: the batch is atomic.
    const copies = events.map((event) => ({
      type: event.type,
      eventId: event.eventId,
      data: jsonCopy(event.data),
      metadata: jsonCopy(event.metadata),
    }));
    const stream = streams.get(streamName) ?? [];
    const recordedAt = now().toISOString();
    const firstRevision = BigInt(stream.length);
    for (const copy of copies) {
      const recorded: RecordedEvent = deepFreeze({
        ...copy,
        streamName,
        streamRevision: BigInt(stream.length),
        position: position(BigInt(log.length + 1)),
        recordedAt,
      });
      stream.push(recorded);
      log.push(recorded);
    }
    streams.set(streamName, stream);
    const last = stream[stream.length - 1] as RecordedEvent;
    const result: AppendResult = {
      streamName,
      firstRevision,
      nextExpectedRevision: last.streamRevision,
      position: last.position,
      eventIds: copies.map((copy) => copy.eventId),
      duplicate: false,
    };
    if (commandId !== undefined) commands.set(commandId, result);
    notifyAppend();
    return E.right(result);
  };

  // Positions are 1-based indexes into `log`, so a position maps to an array slot directly.
  const indexAfter = (after: Position | undefined): number =>
    after === undefined ? 0 : Number(after.commit);

  const source = (filter: SubscribeToAllOptions['filter']): LogSource => ({
    readPage: async (after, limit) => {
      const events: RecordedEvent[] = [];
      let index = indexAfter(after);
      for (; index < log.length && events.length < limit; index += 1) {
        const event = log[index] as RecordedEvent;
        if (matchesFilter(filter, event.streamName, event.type)) events.push(event);
      }
      const scanned = log[index - 1];
      return { events, scannedTo: scanned?.position ?? after, full: index < log.length };
    },
    headPosition: async () => log[log.length - 1]?.position,
    waitForAppend: (after, signal) =>
      new Promise<void>((resolve) => {
        if (signal.aborted || log.length > indexAfter(after)) {
          resolve();
          return;
        }
        const wake = (): void => {
          waiters.delete(wake);
          signal.removeEventListener('abort', wake);
          resolve();
        };
        waiters.add(wake);
        signal.addEventListener('abort', wake);
      }),
  });

  const subscriptions = createSubscriptionTracker();

  return {
    engineName: 'memory',

    appendToStream: async (streamName, events, appendOptions = {}) =>
      append(streamName, events, appendOptions),

    async *readStream(streamName: string, readOptions: ReadStreamOptions = {}) {
      const stream = streams.get(streamName) ?? [];
      const step = readOptions.direction === 'backwards' ? -1 : 1;
      const from = readOptions.fromRevision ?? (step < 0 ? END : START);
      let index: number;
      if (from === START) index = 0;
      else if (from === END) index = step < 0 ? stream.length - 1 : stream.length;
      else index = step < 0 ? Math.min(Number(from), stream.length - 1) : Number(from);
      const maxCount = readOptions.maxCount ?? Number.POSITIVE_INFINITY;
      for (let count = 0; count < maxCount && index >= 0 && index < stream.length; count += 1) {
        yield stream[index] as RecordedEvent;
        index += step;
      }
    },

    async *readAll(readOptions: ReadAllOptions = {}) {
      const step = readOptions.direction === 'backwards' ? -1 : 1;
      const from = readOptions.fromPosition ?? (step < 0 ? END : START);
      // Position n is log[n - 1]; reads include the event at `from`.
      let index: number;
      if (from === START) index = 0;
      else if (from === END) index = step < 0 ? log.length - 1 : log.length;
      else
        index = step < 0 ? Math.min(Number(from.commit), log.length) - 1 : Number(from.commit) - 1;
      index = Math.max(index, step < 0 ? -1 : 0);
      const maxCount = readOptions.maxCount ?? Number.POSITIVE_INFINITY;
      for (let count = 0; count < maxCount && index >= 0 && index < log.length; index += step) {
        const event = log[index] as RecordedEvent;
        if (matchesFilter(readOptions.filter, event.streamName, event.type)) {
          yield event;
          count += 1;
        }
      }
    },

    subscribeToAll(subscribeOptions: SubscribeToAllOptions = {}) {
      return subscriptions.track(followLog(source(subscribeOptions.filter), subscribeOptions));
    },

    streamRevision: async (streamName) => currentRevision(streamName),

    headPosition: async () => log[log.length - 1]?.position,

    findCommandResult: async (commandId) => commands.get(commandId),

    close: async () => {
      await subscriptions.stopAll();
    },
  };
};
