import type { RecordedEvent } from '../envelope/envelope.js';
import type { Logger } from '../logging/logger.js';
import { silentLogger } from '../logging/logger.js';
import type { ParkedEventLog } from './parkedEvents.js';
import type { RetryPolicy } from './retryWithBackoff.js';
import { retryWithBackoff } from './retryWithBackoff.js';

/** A failure a runner gave up on, as the `onError` hook hears it. */
export interface RunnerFailure {
  readonly runner: string;
  readonly event: RecordedEvent;
  readonly error: unknown;
  readonly attempts: number;
  /** What the runner did: set the event aside and went on, or stopped. */
  readonly action: 'parked' | 'stopped';
}

/**
 * What a runner does when handling an event fails: retry with backoff, then either park the
 * event (recorded in `parked`) and go on with the next one, or stop, rethrowing the error so the
 * app sees it. Either way `onError` hears it and the logger writes it: never silent.
 */
export type FailurePolicy = {
  readonly retry?: RetryPolicy;
  readonly onError?: (failure: RunnerFailure) => void;
} & (
  | { readonly whenExhausted: 'stop' }
  | { readonly whenExhausted: 'park'; readonly parked: ParkedEventLog }
);

const describe = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

/**
 * `handle` under `policy`, for runner `runner`. Without a policy a failure stops the runner at
 * once, as before, but is still logged.
 */
export const withFailurePolicy =
  (
    runner: string,
    handle: (event: RecordedEvent) => Promise<void>,
    policy: FailurePolicy | undefined,
    logger: Logger = silentLogger,
  ) =>
  async (event: RecordedEvent): Promise<void> => {
    const where = { runner, eventId: event.eventId, stream: event.streamName, type: event.type };
    const outcome = await retryWithBackoff(
      () => handle(event),
      policy?.retry ?? { attempts: 1 },
      (error, attempt) => {
        logger.warn({ ...where, attempt, err: error }, 'handling an event failed');
      },
    );
    if (outcome.ok) return;
    const failure = { runner, event, error: outcome.error, attempts: outcome.attempts };
    if (policy?.whenExhausted === 'park') {
      await policy.parked.park(event, describe(outcome.error), outcome.attempts);
      logger.error({ ...where, attempts: outcome.attempts, err: outcome.error }, 'event parked');
      policy.onError?.({ ...failure, action: 'parked' });
      return;
    }
    logger.error({ ...where, attempts: outcome.attempts, err: outcome.error }, 'runner stopped');
    policy?.onError?.({ ...failure, action: 'stopped' });
    throw outcome.error;
  };
