import type { EventStore, Position } from '@clientele/eventstore';
import { START } from '@clientele/eventstore';

/**
 * Resolves when the log holds an event after `after`, or when `signal` aborts. It uses the
 * engine's own subscription, so it wakes on appends without polling.
 */
export const waitForEventAfter = async (
  events: EventStore,
  after: Position | undefined,
  signal: AbortSignal,
): Promise<void> => {
  if (signal.aborted) return;
  const subscription = events.subscribeToAll({ fromPosition: after ?? START });
  const stop = (): void => void subscription.stop();
  signal.addEventListener('abort', stop, { once: true });
  try {
    for await (const message of subscription) if (message.kind === 'event') return;
  } finally {
    signal.removeEventListener('abort', stop);
    await subscription.stop();
  }
};
