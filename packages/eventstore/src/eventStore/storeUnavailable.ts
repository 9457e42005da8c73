/**
 * The store could not be reached: its server is restarting or the connection dropped. It is a
 * fault of the machine, thrown, and retryable: nothing of the failed request is half done (an
 * append is one transaction, committed whole or not at all). When the connection dropped during
 * a commit the outcome is unknown, so retry an append with the same command id: the store
 * recognises it and reports the first result instead of writing twice.
 */
export class StoreUnavailableError extends Error {
  override readonly name = 'StoreUnavailableError';
  /** Always true: trying again once the store is back is the remedy. */
  readonly retryable = true;
}

/** Whether `error` is a {@link StoreUnavailableError}, so waiting and trying again may succeed. */
export const isStoreUnavailable = (error: unknown): error is StoreUnavailableError =>
  error instanceof StoreUnavailableError;

/**
 * Resolves after `milliseconds`, or at once when `signal` aborts: the pause between attempts
 * while a store is unavailable.
 */
export const pauseUnlessAborted = (milliseconds: number, signal?: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    if (signal?.aborted === true) {
      resolve();
      return;
    }
    const done = (): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, milliseconds);
    signal?.addEventListener('abort', done, { once: true });
  });

/** The longest pause between two attempts while a store stays unavailable. */
const LONGEST_PAUSE_MS = 2_000;

/**
 * Runs `work`, and while it fails with {@link StoreUnavailableError} waits (100 ms, doubling up to
 * 2 s) and runs it again, until it succeeds, fails otherwise, or `signal` aborts (then the last
 * error is thrown). For reads that are safe to repeat, such as a subscription's next page.
 */
export const retryWhileUnavailable = async <A>(
  work: () => Promise<A>,
  signal: AbortSignal,
): Promise<A> => {
  for (let pause = 100; ; pause = Math.min(pause * 2, LONGEST_PAUSE_MS)) {
    try {
      return await work();
    } catch (error) {
      if (!isStoreUnavailable(error) || signal.aborted) throw error;
      await pauseUnlessAborted(pause, signal);
    }
  }
};
