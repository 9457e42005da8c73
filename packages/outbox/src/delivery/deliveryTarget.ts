import type { IntegrationMessage } from '../integrationEvents/integrationMessage.js';

/**
 * Where the outbox delivers: a webhook, a broker. `deliver` resolves once the target has taken
 * the message (a 2xx answer, a broker's acknowledgement) and rejects otherwise; the relay retries.
 */
export interface DeliveryTarget {
  /** Names the target in dead letters, logs and checkpoints. */
  readonly name: string;
  deliver(message: IntegrationMessage): Promise<void>;
}
