import { SpanStatusCode } from '@opentelemetry/api';
import { TELEMETRY, instruments, tracer } from '@clientele/eventstore';
import type { ProjectionProgress } from './progress.js';

/**
 * Runs one batch of a projection pass as a `clientele.projection.batch` span, naming the builds
 * it feeds and how many events it applies.
 */
export const traceBatch = async (
  projections: readonly string[],
  events: number,
  work: () => Promise<void>,
): Promise<void> => {
  const span = tracer().startSpan(TELEMETRY.spans.projectionBatch, {
    attributes: {
      [TELEMETRY.attributes.projection]: projections.join(','),
      [TELEMETRY.attributes.events]: events,
    },
  });
  try {
    await work();
  } catch (error) {
    span.recordException(error instanceof Error ? error : String(error));
    span.setStatus({ code: SpanStatusCode.ERROR });
    throw error;
  } finally {
    span.end();
  }
};

/**
 * Records how far the pass is behind: in events (to the head seen when it began) and in seconds
 * (since the last applied event was recorded).
 */
export const recordLag = (
  projections: readonly string[],
  progress: ProjectionProgress,
  lastRecordedAt: string | undefined,
  now: number,
): void => {
  const attributes = { [TELEMETRY.attributes.projection]: projections.join(',') };
  instruments().projectionLagEvents.record(progress.eventsLeft, attributes);
  if (lastRecordedAt !== undefined) {
    const seconds = Math.max(0, (now - Date.parse(lastRecordedAt)) / 1000);
    instruments().projectionLagSeconds.record(seconds, attributes);
  }
};
