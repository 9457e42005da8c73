import type { CheckpointStore, EventStore, ReactorRunner } from '@clientele/eventstore';
import type { RetryPolicy } from '@clientele/eventstore';
import {
  TELEMETRY,
  createReactorRunner,
  instruments,
  retryWithBackoff,
} from '@clientele/eventstore';
import { traceOutboxDelivery } from './deliverySpan.js';
import type { DeadLetter, DeadLetterLog } from '../deadLetters/deadLetterLog.js';
import type { DeliveryTarget } from '../delivery/deliveryTarget.js';
import type { IntegrationMessage } from '../integrationEvents/integrationMessage.js';
import {
  publishedDomainTypes,
  toIntegrationMessage,
} from '../integrationEvents/mapToIntegration.js';

/** A delivery that failed for good: what the `onError` hook hears. */
export interface DeliveryFailure {
  readonly target: string;
  readonly message: IntegrationMessage;
  readonly attempts: number;
  readonly error: unknown;
}

/** Options of {@link createOutboxRelay}. */
export interface OutboxRelayOptions {
  /** The log to follow; the raw engine is enough, since no published event holds personal data. */
  readonly store: EventStore;
  readonly checkpoints: CheckpointStore;
  readonly target: DeliveryTarget;
  readonly deadLetters: DeadLetterLog;
  readonly retry?: RetryPolicy;
  /** Hears every message that was dead-lettered, after it was recorded. */
  readonly onError?: (failure: DeliveryFailure) => void;
  /** Hears every failed try, retried or not (for logs and metrics). */
  readonly onAttemptFailed?: (message: IntegrationMessage, error: unknown, attempt: number) => void;
  /** Checkpoint every N events; defaults to 1, so a restart resends at most one message. */
  readonly checkpointEvery?: number;
}

/** What a replay of dead letters did. */
export interface ReplayReport {
  readonly replayed: number;
  /** Still dead-lettered: the first of a stream that failed again, and the later ones behind it. */
  readonly remaining: number;
}

/** The outbox for one target: a reactor over the log, and its dead letters. */
export interface OutboxRelay extends ReactorRunner {
  /** Messages waiting in the dead-letter queue, oldest first. */
  deadLetters(): readonly DeadLetter[];
  /** Tries the dead letters again in order (all, or those of `messageIds`), one try each. */
  replay(messageIds?: readonly string[]): Promise<ReplayReport>;
}

/**
 * Follows the log from its checkpoint, maps each published domain event to its integration
 * message and delivers it: at least once (the checkpoint moves only after delivery), in order per
 * stream, with a stable message id. A failed delivery is retried with exponential backoff; when
 * the tries are spent it is dead-lettered and the relay goes on with other streams, while later
 * messages of the same stream are dead-lettered behind it so their order holds. Nothing fails
 * in silence: every dead letter is recorded in the log and passed to `onError`.
 *
 * @example
 * const relay = createOutboxRelay({ store, checkpoints, target, deadLetters });
 * await relay.catchUp();
 */
export const createOutboxRelay = (options: OutboxRelayOptions): OutboxRelay => {
  const { target, deadLetters } = options;
  const retry = options.retry ?? {};
  const reactorName = `outbox:${target.name}`;
  const recordBacklog = (): void => {
    instruments().outboxBacklog.record(deadLetters.list().length, {
      [TELEMETRY.attributes.target]: target.name,
    });
  };
  let loaded: Promise<void> | undefined;
  const ready = () => (loaded ??= deadLetters.load());

  const deliver = async (message: IntegrationMessage): Promise<void> => {
    if (deadLetters.isBlocked(message.streamName)) {
      await deadLetters.add(message, 'waiting behind an earlier dead letter of its stream', 0);
      return;
    }
    const outcome = await traceOutboxDelivery(target.name, message, () =>
      retryWithBackoff(
        () => target.deliver(message),
        retry,
        (error, attempt) => {
          instruments().reactorFailures.add(1, { [TELEMETRY.attributes.reactor]: reactorName });
          options.onAttemptFailed?.(message, error, attempt);
        },
      ),
    );
    if (outcome.ok) return;
    const reason = outcome.error instanceof Error ? outcome.error.message : String(outcome.error);
    await deadLetters.add(message, reason, outcome.attempts);
    recordBacklog();
    options.onError?.({
      target: target.name,
      message,
      attempts: outcome.attempts,
      error: outcome.error,
    });
  };

  const runner = createReactorRunner({
    name: reactorName,
    store: options.store,
    checkpoints: options.checkpoints,
    filter: { eventTypes: publishedDomainTypes },
    checkpointEvery: options.checkpointEvery ?? 1,
    react: async (event) => {
      await ready();
      const message = toIntegrationMessage(event);
      if (message !== undefined) await deliver(message);
    },
  });

  const replay: OutboxRelay['replay'] = async (messageIds) => {
    await ready();
    const wanted = messageIds === undefined ? undefined : new Set(messageIds);
    const failedStreams = new Set<string>();
    let replayed = 0;
    for (const letter of deadLetters.list()) {
      const { message } = letter;
      if (wanted !== undefined && !wanted.has(message.messageId)) continue;
      if (failedStreams.has(message.streamName)) continue;
      const outcome = await retryWithBackoff(() => target.deliver(message), {
        ...retry,
        attempts: 1,
      });
      if (!outcome.ok) {
        failedStreams.add(message.streamName);
        continue;
      }
      await deadLetters.markReplayed(message.messageId);
      replayed += 1;
    }
    recordBacklog();
    return { replayed, remaining: deadLetters.list().length };
  };

  return {
    ...runner,
    catchUp: async () => {
      await ready();
      return runner.catchUp();
    },
    run: async () => {
      await ready();
      return runner.run();
    },
    deadLetters: () => deadLetters.list(),
    replay,
  };
};
