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
 * `pollIntervalMs` (a single index lookup) and wakes the waiters it has passed.
 */
export const createAppendSignal = (
  head: () => Position | undefined,
  pollIntervalMs: number,
): AppendSignal => {
  const waiters = new Map<() => void, bigint>();
  let timer: ReturnType<typeof setInterval> | undefined;

  const beyond = (after: bigint): boolean => (head()?.commit ?? 0n) > after;
  const settle = (onlyPassed: boolean): void => {
    for (const [wake, after] of [...waiters]) if (!onlyPassed || beyond(after)) wake();
    if (waiters.size === 0 && timer !== undefined) {
      clearInterval(timer);
      timer = undefined;
    }
  };

  return {
    notify: () => settle(false),
    waitBeyond: (after, signal) =>
      new Promise<void>((resolve) => {
        const from = after?.commit ?? 0n;
        if (signal.aborted || beyond(from)) return resolve();
        const wake = (): void => {
          waiters.delete(wake);
          signal.removeEventListener('abort', wake);
          resolve();
        };
        waiters.set(wake, from);
        signal.addEventListener('abort', wake);
        if (timer === undefined) {
          timer = setInterval(() => settle(true), pollIntervalMs);
          // A subscription left open must not keep the process alive on its own.
          timer.unref();
        }
      }),
    stop: () => settle(false),
  };
};
