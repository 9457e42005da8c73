/** How often and how patiently a failed delivery is tried again. */
export interface RetryPolicy {
  /** Tries in all, the first included; then the message is dead-lettered. Defaults to 5. */
  readonly attempts?: number;
  /** Wait before the second try; each later wait doubles. Defaults to 200 ms. */
  readonly initialDelayMs?: number;
  /** No wait is longer than this. Defaults to 30 s. */
  readonly maxDelayMs?: number;
  /** How to wait; tests pass one that records instead of sleeping. */
  readonly sleep?: (ms: number) => Promise<void>;
}

/** The outcome of trying something under a {@link RetryPolicy}. */
export type RetryOutcome<T = void> =
  | { readonly ok: true; readonly attempts: number; readonly value: T }
  | { readonly ok: false; readonly attempts: number; readonly error: unknown };

/** The waits between tries: `initial`, `2·initial`, `4·initial`…, each at most `max`. */
export const backoffDelays = (policy: RetryPolicy): readonly number[] => {
  const attempts = policy.attempts ?? 5;
  const initial = policy.initialDelayMs ?? 200;
  const max = policy.maxDelayMs ?? 30_000;
  return Array.from({ length: Math.max(0, attempts - 1) }, (_, i) =>
    Math.min(max, initial * 2 ** i),
  );
};

const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `work` until it resolves or the policy's tries are spent, waiting with exponential backoff
 * in between; `onFailure` hears every failed try (for logs and metrics). It never throws: the
 * caller decides what a spent policy means (dead letter, park, stop).
 *
 * @example
 * const outcome = await retryWithBackoff(() => target.deliver(message), { attempts: 5 });
 */
export const retryWithBackoff = async <T>(
  work: () => Promise<T>,
  policy: RetryPolicy,
  onFailure?: (error: unknown, attempt: number) => void,
): Promise<RetryOutcome<T>> => {
  const delays = backoffDelays(policy);
  const sleep = policy.sleep ?? realSleep;
  let lastError: unknown;
  for (let attempt = 1; attempt <= delays.length + 1; attempt += 1) {
    try {
      const value = await work();
      return { ok: true, attempts: attempt, value };
    } catch (error) {
      lastError = error;
      onFailure?.(error, attempt);
      const delay = delays[attempt - 1];
      if (delay !== undefined) await sleep(delay);
    }
  }
  return { ok: false, attempts: delays.length + 1, error: lastError };
};
