import { SpanStatusCode } from '@opentelemetry/api';
import type { RecordedEvent } from '../envelope/envelope.js';
import { instruments, tracer } from './instruments.js';
import { TELEMETRY } from './telemetryNames.js';

/**
 * Runs one delivery of `event` to a reactor as a `clientele.reactor.delivery` span carrying the
 * event's correlation and causation; a failure is recorded on the span and counted in
 * `clientele.reactor.failures`, then rethrown.
 */
export const traceReactorDelivery = async (
  reactor: string,
  event: RecordedEvent,
  work: () => Promise<void>,
): Promise<void> => {
  const attributes = TELEMETRY.attributes;
  const span = tracer().startSpan(TELEMETRY.spans.reactorDelivery, {
    attributes: {
      [attributes.reactor]: reactor,
      [attributes.stream]: event.streamName,
      [attributes.messageType]: event.type,
      [attributes.correlationId]: event.metadata.correlationId,
      [attributes.causationId]: event.eventId,
    },
  });
  try {
    await work();
  } catch (error) {
    instruments().reactorFailures.add(1, { [attributes.reactor]: reactor });
    span.recordException(error instanceof Error ? error : String(error));
    span.setStatus({ code: SpanStatusCode.ERROR });
    throw error;
  } finally {
    span.end();
  }
};
