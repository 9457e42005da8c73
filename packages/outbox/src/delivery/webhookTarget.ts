import type { IntegrationMessage } from '../integrationEvents/integrationMessage.js';
import type { DeliveryTarget } from './deliveryTarget.js';
import { SIGNATURE_HEADER, signWebhook } from './webhookSignature.js';

/** Options of {@link createWebhookTarget}. */
export interface WebhookTargetOptions {
  /** Names the target in dead letters and checkpoints. */
  readonly name: string;
  readonly url: string;
  /** The secret shared with the consumer, for the HMAC-SHA256 signature. */
  readonly secret: string;
  /** Gives up on one try after this long; defaults to 10 s. */
  readonly timeoutMs?: number;
  /** Unix seconds now; defaults to the system clock. */
  readonly now?: () => number;
}

/**
 * Delivers each message as an HTTP POST of its JSON, signed (header `clientele-signature`) and
 * named (header `clientele-message-id`, the id to deduplicate by). Only a 2xx answer counts as
 * delivered; anything else, or no answer in time, is a failed try.
 *
 * @example
 * const target = createWebhookTarget({ name: 'erp', url: 'https://erp.example/hooks/crm', secret });
 */
export const createWebhookTarget = (options: WebhookTargetOptions): DeliveryTarget => {
  const now = options.now ?? (() => Math.floor(Date.now() / 1000));
  return {
    name: options.name,
    deliver: async (message: IntegrationMessage) => {
      const body = JSON.stringify(message);
      const response = await fetch(options.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'clientele-message-id': message.messageId,
          [SIGNATURE_HEADER]: signWebhook(options.secret, body, now()),
        },
        body,
        signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
      });
      // The body is not needed; reading it frees the connection for the next delivery.
      await response.arrayBuffer();
      if (!response.ok) {
        throw new Error(
          `${options.name} answered ${String(response.status)} to ${message.messageId}`,
        );
      }
    },
  };
};
