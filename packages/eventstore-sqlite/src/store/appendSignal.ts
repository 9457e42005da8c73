import type { Position } from '@clientele/eventstore';

/** Tells waiting subscriptions that the log has grown. */
export interface AppendSignal {
  /** Called after an append by this store: wakes every waiter at once. */
  notify(): void;
  /** Resolves once the log holds events after `after`, or when `signal` aborts. */
  waitBeyond(after: Position | undefined, signal: AbortSignal): Promise<void>;
  /** Wakes every waiter and stops polling, for `close()`. */
  stop(): void;
}

/**
 * Appends made through this store wake waiters directly. Appends by other processes leave no trace
 * in this one, so while anyone waits, one timer per store reads the head of the log every
 * `pollIntervalMs` (one index lookup for all of them) and wakes the waiters it has passed.
 */
export const createAppendSignal = (
  head: () => Position | undefined,
  pollIntervalMs: number,
): AppendSignal => {
  const waiters = new Map<() => void, bigint>();
  let timer: ReturnType<typeof setInterval> | undefined;

  const headCommit = (): bigint => head()?.commit ?? 0n;
  const settle = (onlyPassed: boolean): void => {
    const last = onlyPassed ? headCommit() : undefined;
    for (const [wake, after] of [...waiters]) if (last === undefined || last > after) wake();
    if (waiters.size === 0 && timer !== undefined) {
      clearInterval(timer);
      timer = undefined;
    }
  };

  return {
    notify: () => {
      settle(false);
    },
    waitBeyond: (after, signal) =>
      new Promise<void>((resolve) => {
        const from = after?.commit ?? 0n;
        if (signal.aborted || headCommit() > from) {
          resolve();
          return;
        }
        const wake = (): void => {
          waiters.delete(wake);
          signal.removeEventListener('abort', wake);
          resolve();
        };
        waiters.set(wake, from);
        signal.addEventListener('abort', wake);
        if (timer === undefined) {
          // Not unref'd: like a database connection waiting for notifications, a subscription
          // that follows other processes keeps this one alive until it is stopped or closed.
          timer = setInterval(() => {
            settle(true);
          }, pollIntervalMs);
        }
      }),
    stop: () => {
      settle(false);
    },
  };
};
