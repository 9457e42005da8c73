import type { JetStreamClient } from 'nats';
import { headers as natsHeaders } from 'nats';
import type { DeliveryTarget } from '../delivery/deliveryTarget.js';
import type { IntegrationMessage } from '../integrationEvents/integrationMessage.js';

/** Options of {@link createJetStreamTarget}. */
export interface JetStreamTargetOptions {
  /** Names the target in dead letters and checkpoints. */
  readonly name: string;
  readonly jetStream: JetStreamClient;
  /** Messages go to `<prefix>.<type>.v<version>`, e.g. `clientele.DealWon.v1`. */
  readonly subjectPrefix: string;
  /** Gives up on one try when the server has not acknowledged in time; defaults to 5 s. */
  readonly timeoutMs?: number;
}

const encoder = new TextEncoder();

/**
 * Publishes each message to NATS JetStream and waits for the stream's acknowledgement. The
 * message id is JetStream's `Nats-Msg-Id`, so a resend within the stream's duplicate window is
 * stored once; consumers deduplicate beyond it by the same id. The stream (subjects
 * `<prefix>.>`) is the operator's to create, with the retention and replicas they need.
 *
 * @example
 * const target = createJetStreamTarget({ name: 'nats', jetStream: nc.jetstream(), subjectPrefix: 'clientele' });
 */
export const createJetStreamTarget = (options: JetStreamTargetOptions): DeliveryTarget => ({
  name: options.name,
  deliver: async (message: IntegrationMessage) => {
    const headers = natsHeaders();
    headers.set('Clientele-Stream', message.streamName);
    headers.set('Clientele-Sequence', message.sequence);
    await options.jetStream.publish(
      `${options.subjectPrefix}.${message.type}.v${String(message.version)}`,
      encoder.encode(JSON.stringify(message)),
      { msgID: message.messageId, headers, timeout: options.timeoutMs ?? 5000 },
    );
  },
});
