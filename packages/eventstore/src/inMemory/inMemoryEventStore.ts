import type { EventStore } from '../eventStore/eventStore.js';
import { followLog } from '../subscriptions/followLog.js';
import { createSubscriptionTracker } from '../subscriptions/subscriptionTracker.js';
import { append } from './append.js';
import { logSource } from './logSource.js';
import { createMemoryLog, currentRevision } from './memoryLog.js';
import { readAll } from './readAll.js';
import { readStream } from './readStream.js';

/** Options of {@link createInMemoryEventStore}. */
export interface InMemoryEventStoreOptions {
  /** The clock that stamps `recordedAt`; tests pass a fixed one. Defaults to the system clock. */
  readonly now?: () => Date;
}

/**
 * The in-memory engine: for tests, demos and the benchmarks' baseline. It keeps the log in arrays
 * and behaves exactly like the durable engines (it passes the same contract suite): events are
 * copied with JSON's rules on append, so a caller mutating its objects afterwards cannot rewrite
 * history, and what is read back is frozen. Every read hands out the same frozen objects, copying
 * nothing: a caller that assigns to an event it read gets a `TypeError` in strict code, where a
 * durable engine would let it change its own copy.
 */
export const createInMemoryEventStore = (options: InMemoryEventStoreOptions = {}): EventStore => {
  const memory = createMemoryLog(options.now ?? (() => new Date()));
  const subscriptions = createSubscriptionTracker();
  return {
    engineName: 'memory',
    appendToStream: async (streamName, events, appendOptions = {}) =>
      append(memory, streamName, events, appendOptions),
    readStream: (streamName, readOptions) => readStream(memory, streamName, readOptions),
    readAll: (readOptions) => readAll(memory, readOptions),
    subscribeToAll: (subscribeOptions = {}) =>
      subscriptions.track(followLog(logSource(memory, subscribeOptions.filter), subscribeOptions)),
    streamRevision: async (streamName) => currentRevision(memory, streamName),
    headPosition: async () => memory.log[memory.log.length - 1]?.position,
    findCommandResult: async (commandId) => memory.commands.get(commandId),
    close: async () => {
      await subscriptions.stopAll();
    },
  };
};
