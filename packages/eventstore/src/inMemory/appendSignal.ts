import type { Position } from '../envelope/position.js';

/** Wakes the subscribers waiting for an append to the in-memory log. */
export interface AppendSignal {
  /** Called after every append: wakes every waiter. */
  readonly appended: () => void;
  /** Resolves once `hasNewer()` holds, at the next append, or when `signal` aborts. */
  readonly wait: (hasNewer: () => boolean, signal: AbortSignal) => Promise<void>;
}

/** A signal with no waiters. */
export const createAppendSignal = (): AppendSignal => {
  const waiters = new Set<() => void>();
  return {
    appended: () => {
      for (const wake of [...waiters]) wake();
    },
    wait: (hasNewer, signal) =>
      new Promise<void>((resolve) => {
        if (signal.aborted || hasNewer()) {
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
  };
};

/** The log index just after `after` (positions are 1-based indexes into the log). */
export const indexAfter = (after: Position | undefined): number =>
  after === undefined ? 0 : Number(after.commit);
