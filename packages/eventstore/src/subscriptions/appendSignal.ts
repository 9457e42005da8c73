import type { Position } from '../envelope/position.js';
import { createAppendSignalWaiters } from './appendSignalWaiters.js';

/**
 * The append signal of an engine that reads its own log's head cheaply (the in-memory engine,
 * SQLite): what wakes a subscription waiting for events after a position.
 */
export interface AppendSignal {
  /** Called after an append by this process, once its events are readable: wakes every waiter. */
  ring(): void;
  /** Resolves once the log's head is past `after`, or when `signal` aborts or the signal closes. */
  waitBeyond(after: Position | undefined, signal: AbortSignal): Promise<void>;
  /** Wakes every waiter, and every later wait resolves at once: for the store's `close()`. */
  close(): void;
}

/** Options of {@link createAppendSignal}. */
export interface AppendSignalOptions {
  /** The position of the log's last event, or undefined while it is empty. */
  readonly head: () => Position | undefined;
  /**
   * Where other processes append to the same log (SQLite), how often the head is read while
   * anyone waits, to see their appends, which ring nothing here. Without it, only rings wake.
   */
  readonly pollMilliseconds?: number | undefined;
}

/**
 * An append signal over {@link createAppendSignalWaiters}: a wait first looks at the head, so
 * nothing appended before it began is missed, then sleeps until a ring, the abort or a poll that
 * saw the head move, and looks again. While anyone waits, one timer per signal reads the head every
 * `pollMilliseconds` (one index lookup for all the waiters, not one each).
 */
export const createAppendSignal = (options: AppendSignalOptions): AppendSignal => {
  const waiters = createAppendSignalWaiters();
  const headCommit = (): bigint => options.head()?.commit ?? 0n;
  let closed = false;
  let waiting = 0;
  let polledHead = 0n;
  let timer: ReturnType<typeof setInterval> | undefined;

  const startPolling = (): void => {
    if (options.pollMilliseconds === undefined || timer !== undefined) return;
    polledHead = headCommit();
    // Not unref'd: like a database connection waiting for notifications, a subscription that
    // follows other processes keeps this one alive until it is stopped or the store closed.
    timer = setInterval(() => {
      const head = headCommit();
      if (head === polledHead) return;
      polledHead = head;
      waiters.ring();
    }, options.pollMilliseconds);
  };
  const stopPolling = (): void => {
    clearInterval(timer);
    timer = undefined;
  };

  return {
    ring: () => {
      waiters.ring();
    },
    waitBeyond: async (after, signal) => {
      const from = after?.commit ?? 0n;
      waiting += 1;
      try {
        while (!closed && !signal.aborted && headCommit() <= from) {
          startPolling();
          await waiters.wait(signal, undefined, closed).arrived;
        }
      } finally {
        waiting -= 1;
        if (waiting === 0) stopPolling();
      }
    },
    close: () => {
      closed = true;
      stopPolling();
      waiters.ring();
    },
  };
};
