import type { AllStreamSubscription, EventStoreDBClient } from '@eventstore/db-client';
import type { EventFilter, PendingWait } from '@clientele/eventstore';
import { createAppendSignalWaiters } from '@clientele/eventstore';
import { toEsdbFilter } from '../mapping/filters.js';

/** Wakes waiting subscriptions when EventStoreDB reports a new application event. */
export interface AppendSignal {
  /** Resolves on the next appended event, after `timeoutMilliseconds`, or on abort. */
  next(signal: AbortSignal, timeoutMilliseconds: number): PendingWait;
  close(): Promise<void>;
}

/**
 * A live EventStoreDB subscription from the end of `$all`, filtered at the server like the
 * subscription it serves, and used only as an append signal: the events
 * themselves are read by the catch-up loop, so a missed ring costs a poll interval, never an
 * event. (EventStoreDB's own `caughtUp` is emitted as the server says so, ahead of events still
 * buffered in the stream, so it cannot mark the hand-over in order; our loop does.)
 */
export const createAppendSignal = (
  client: EventStoreDBClient,
  filter: EventFilter | undefined,
): AppendSignal => {
  const waiters = createAppendSignalWaiters();
  let subscription: AllStreamSubscription | undefined;
  let closed = false;
  const wakeAll = (): void => {
    waiters.ring();
  };
  const ensureSubscribed = (): void => {
    if (subscription !== undefined || closed) return;
    const live = client.subscribeToAll({ fromPosition: 'end', filter: toEsdbFilter(filter) });
    live.on('data', wakeAll);
    live.on('error', () => {
      // Resubscribe on the next wait; the waiters re-read meanwhile.
      if (subscription === live) subscription = undefined;
      wakeAll();
    });
    subscription = live;
  };
  return {
    next(signal, timeoutMilliseconds) {
      ensureSubscribed();
      return waiters.wait(signal, timeoutMilliseconds, closed);
    },
    async close() {
      closed = true;
      wakeAll();
      await subscription?.unsubscribe();
      subscription = undefined;
    },
  };
};
