/** A registered wait for the next append signal. */
export interface PendingWait {
  readonly arrived: Promise<void>;
  /** Resolves `arrived` now and forgets the wait. */
  cancel(): void;
}

/**
 * The waiting side of an engine's "events were appended" signal (LISTEN/NOTIFY, a live
 * subscription, a poll): waits that resolve on the next ring, after a timeout (the polling
 * fallback), or on abort. Engines ring it; their catch-up loop re-reads the log after every wake,
 * so a missed or spurious ring costs at most one poll interval, never an event.
 */
export interface AppendSignalWaiters {
  /**
   * Registers a wait; it resolves at once when `signal` is already aborted or `closed` is true.
   * Without a timeout it waits for a ring or the abort only.
   */
  wait(signal: AbortSignal, timeoutMilliseconds: number | undefined, closed: boolean): PendingWait;
  /** Wakes every registered wait. */
  ring(): void;
}

/** Fresh append-signal waiters, none waiting yet. */
export const createAppendSignalWaiters = (): AppendSignalWaiters => {
  const waiters = new Set<() => void>();
  return {
    wait(signal, timeoutMilliseconds, closed) {
      let wake = (): void => undefined;
      const arrived = new Promise<void>((resolve) => {
        wake = () => {
          waiters.delete(wake);
          clearTimeout(timer);
          signal.removeEventListener('abort', wake);
          resolve();
        };
      });
      const timer =
        timeoutMilliseconds === undefined ? undefined : setTimeout(wake, timeoutMilliseconds);
      waiters.add(wake);
      signal.addEventListener('abort', wake);
      if (signal.aborted || closed) wake();
      return { arrived, cancel: wake };
    },
    ring() {
      for (const wake of [...waiters]) wake();
    },
  };
};
