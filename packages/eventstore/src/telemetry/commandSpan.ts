import type { Span } from '@opentelemetry/api';
import { SpanStatusCode, context as otelContext, trace } from '@opentelemetry/api';
import { instruments, tracer } from './instruments.js';
import { TELEMETRY } from './telemetryNames.js';

/** The trace of one command: a span with one child per step, and the command's metrics. */
export interface CommandSpan {
  /** Runs one step (load, decide, append) as a child span. */
  step<T>(name: 'load' | 'decide' | 'append', work: () => T | Promise<T>): Promise<T>;
  /** An append met a conflict (and, if `retrying`, the command is decided again). */
  conflict(retrying: boolean): void;
  end(outcome: string): void;
  fail(error: unknown): void;
}

const STEP_NAMES = {
  load: TELEMETRY.spans.commandLoad,
  decide: TELEMETRY.spans.commandDecide,
  append: TELEMETRY.spans.commandAppend,
} as const;

/** Who sent a command and why: what its span carries. */
export interface CommandIds {
  readonly commandId: string;
  readonly correlationId?: string;
  readonly causationId?: string | null;
  readonly actor: { readonly role: string };
}

/**
 * Starts the span of a command about `streamName`, with the command, correlation and causation
 * ids of `context` as attributes (so a trace finds the events the command wrote, and the reverse).
 */
export const startCommandSpan = (
  streamName: string,
  context: CommandIds,
  engine: string,
): CommandSpan => {
  const attributes = TELEMETRY.attributes;
  const span: Span = tracer().startSpan(TELEMETRY.spans.command, {
    attributes: {
      [attributes.stream]: streamName,
      [attributes.engine]: engine,
      [attributes.commandId]: context.commandId,
      [attributes.correlationId]: context.correlationId ?? context.commandId,
      [attributes.causationId]: context.causationId ?? '',
      [attributes.actorRole]: context.actor.role,
    },
  });
  const parent = trace.setSpan(otelContext.active(), span);
  // Without an SDK the span records nothing: the steps then skip their child spans, so the
  // hot path pays for one no-op span per command and the append's timing only.
  const recording = span.isRecording();
  return {
    step: async (name, work) => {
      const child = recording ? tracer().startSpan(STEP_NAMES[name], {}, parent) : undefined;
      const started = performance.now();
      try {
        return child === undefined
          ? await work()
          : await otelContext.with(trace.setSpan(parent, child), work);
      } finally {
        if (name === 'append') {
          instruments().appendDuration.record(performance.now() - started, {
            [attributes.engine]: engine,
          });
        }
        child?.end();
      }
    },
    conflict: (retrying) => {
      instruments().conflicts.add(1, { [attributes.engine]: engine });
      if (retrying) instruments().retries.add(1, { [attributes.engine]: engine });
    },
    end: (outcome) => {
      span.setAttribute(attributes.outcome, outcome);
      span.end();
    },
    fail: (error) => {
      span.recordException(error instanceof Error ? error : String(error));
      span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
    },
  };
};
