import type { Subscription } from '../eventStore/eventStore.js';

/** The open subscriptions of one store, so that closing the store stops every one of them. */
export interface SubscriptionTracker {
  /**
   * Wraps a subscription so that stopping it also forgets it; `afterStop` releases what the
   * subscription alone used (a per-subscription append signal, say).
   */
  readonly track: (subscription: Subscription, afterStop?: () => Promise<void>) => Subscription;
  /** Stops every subscription still open: the first step of an engine's `close()`. */
  readonly stopAll: () => Promise<void>;
}

/** A tracker with no subscriptions yet; every engine keeps one. */
export const createSubscriptionTracker = (): SubscriptionTracker => {
  const open = new Set<Subscription>();
  return {
    track: (subscription, afterStop) => {
      const tracked: Subscription = {
        [Symbol.asyncIterator]: () => subscription[Symbol.asyncIterator](),
        stop: async () => {
          open.delete(tracked);
          await subscription.stop();
          await afterStop?.();
        },
      };
      open.add(tracked);
      return tracked;
    },
    stopAll: async () => {
      await Promise.all([...open].map((subscription) => subscription.stop()));
    },
  };
};
