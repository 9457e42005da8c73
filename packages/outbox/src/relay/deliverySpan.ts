import { SpanStatusCode } from '@opentelemetry/api';
import { TELEMETRY, tracer } from '@clientele/eventstore';
import type { RetryOutcome } from '@clientele/eventstore';
import type { IntegrationMessage } from '../integrationEvents/integrationMessage.js';

/**
 * One message's delivery, every try included, as a `clientele.outbox.delivery` span: its id,
 * type, target, the correlation of the domain event, the tries it took, and an error status when
 * it was dead-lettered.
 */
export const traceOutboxDelivery = async (
  target: string,
  message: IntegrationMessage,
  work: () => Promise<RetryOutcome>,
): Promise<RetryOutcome> => {
  const attributes = TELEMETRY.attributes;
  const span = tracer().startSpan(TELEMETRY.spans.outboxDelivery, {
    attributes: {
      [attributes.target]: target,
      [attributes.messageId]: message.messageId,
      [attributes.messageType]: `${message.type}.v${String(message.version)}`,
      [attributes.correlationId]: message.correlationId,
      [attributes.causationId]: message.causationId ?? '',
    },
  });
  try {
    const outcome = await work();
    span.setAttribute(attributes.attempt, outcome.attempts);
    if (!outcome.ok) {
      span.setStatus({ code: SpanStatusCode.ERROR, message: 'dead-lettered' });
      span.setAttribute(attributes.outcome, 'DeadLettered');
    } else span.setAttribute(attributes.outcome, 'Delivered');
    return outcome;
  } finally {
    span.end();
  }
};
