import type { Counter, Gauge, Histogram, Meter, MeterProvider, Tracer } from '@opentelemetry/api';
import { metrics, trace } from '@opentelemetry/api';
import { TELEMETRY } from './telemetryNames.js';

/** The metrics Clientele records; see {@link TELEMETRY} for their names and units. */
export interface Instruments {
  readonly appendDuration: Histogram;
  readonly conflicts: Counter;
  readonly retries: Counter;
  readonly projectionLagEvents: Gauge;
  readonly projectionLagSeconds: Gauge;
  readonly reactorFailures: Counter;
  readonly outboxBacklog: Gauge;
}

const create = (meter: Meter): Instruments => {
  const names = TELEMETRY.metrics;
  return {
    appendDuration: meter.createHistogram(names.appendDuration, {
      unit: 'ms',
      description: 'time to append one command’s events',
    }),
    conflicts: meter.createCounter(names.conflicts, {
      description: 'appends refused by a concurrency conflict',
    }),
    retries: meter.createCounter(names.retries, {
      description: 'commands decided again after a conflict',
    }),
    projectionLagEvents: meter.createGauge(names.projectionLagEvents, {
      unit: '{event}',
      description: 'events between a projection build’s checkpoint and the log’s head',
    }),
    projectionLagSeconds: meter.createGauge(names.projectionLagSeconds, {
      unit: 's',
      description: 'age of the last event a projection batch applied',
    }),
    reactorFailures: meter.createCounter(names.reactorFailures, {
      description: 'failed tries of a reactor delivery',
    }),
    outboxBacklog: meter.createGauge(names.outboxBacklog, {
      unit: '{message}',
      description: 'dead-lettered messages waiting to be replayed',
    }),
  };
};

let provider: MeterProvider | undefined;
let current: Instruments | undefined;

/**
 * Clientele's instruments from the meter provider registered now. The OpenTelemetry API records
 * nothing until the application registers an SDK; instruments are made again when the provider
 * changes, so registering one after Clientele was loaded still works.
 */
export const instruments = (): Instruments => {
  const registered = metrics.getMeterProvider();
  if (current === undefined || registered !== provider) {
    provider = registered;
    current = create(registered.getMeter(TELEMETRY.scope));
  }
  return current;
};

/** Clientele's tracer (a no-op until the application registers an SDK). */
export const tracer = (): Tracer => trace.getTracer(TELEMETRY.scope);
