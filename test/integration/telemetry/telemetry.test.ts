import { permitEveryoneInTests } from '@clientele/eventstore/testing';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { metrics, trace } from '@opentelemetry/api';
import type { DataPoint, Histogram, ResourceMetrics } from '@opentelemetry/sdk-metrics';
import {
  AggregationTemporality,
  InMemoryMetricExporter,
  MeterProvider,
  PeriodicExportingMetricReader,
} from '@opentelemetry/sdk-metrics';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import {
  TELEMETRY,
  createInMemoryCheckpointStore,
  createInMemoryEventStore,
} from '@clientele/eventstore';
import { createCampaignService } from '@clientele/domain';
import {
  allReadModels,
  createInMemoryReadModelStore,
  createProjectionRunner,
} from '@clientele/projections';
import { createDeadLetterLog, createOutboxRelay, createWebhookTarget } from '@clientele/outbox';

// The application's side: an SDK registered with in-memory exporters.
const spans = new InMemorySpanExporter();
trace.setGlobalTracerProvider(
  new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(spans)] }),
);
const exported = new InMemoryMetricExporter(AggregationTemporality.CUMULATIVE);
const reader = new PeriodicExportingMetricReader({
  exporter: exported,
  exportIntervalMillis: 3_600_000,
});
metrics.setGlobalMeterProvider(new MeterProvider({ readers: [reader] }));
afterAll(() => {
  trace.disable();
  metrics.disable();
});

/** The data points of one metric, after a collection. */
const pointsOf = async (name: string): Promise<DataPoint<unknown>[]> => {
  exported.reset();
  await reader.forceFlush();
  const batches: ResourceMetrics[] = exported.getMetrics();
  return batches
    .flatMap((batch) => batch.scopeMetrics)
    .flatMap((scope) => scope.metrics)
    .filter((metric) => metric.descriptor.name === name)
    .flatMap((metric) => metric.dataPoints as DataPoint<unknown>[]);
};
const named = (name: string): ReadableSpan[] =>
  spans.getFinishedSpans().filter((span) => span.name === name);
const idOf = (span: ReadableSpan | undefined) => span?.spanContext().spanId;
const parentOf = (span: ReadableSpan | undefined) => span?.parentSpanContext?.spanId;

const context = {
  commandId: '0193a000-0000-7000-8000-00000000c001',
  correlationId: 'import-2026-03',
  causationId: 'file-row-17',
  actor: { id: 'marketing-1', role: 'marketing' },
  occurredAt: '2026-03-01T09:00:00.000Z',
};

beforeEach(() => {
  spans.reset();
});

describe('telemetry through @opentelemetry/api', () => {
  const store = createInMemoryEventStore();

  it('traces one command: decode, then the command span with load, decide and append as children, and times the append', async () => {
    const campaigns = createCampaignService(store, { authorize: permitEveryoneInTests() });
    const result = await campaigns.handle(
      {
        kind: 'PlanCampaign',
        campaignId: 'c-1',
        name: 'Spring fair',
        channel: 'exhibition',
        targetAudience: 'CFOs',
        budget: { amountMinor: 1_000_00, currency: 'EUR' },
        startsOn: '2026-04-01',
        endsOn: '2026-04-30',
      },
      context,
    );
    expect(result._tag).toBe('Right');
    expect(named(TELEMETRY.spans.commandDecode)).toHaveLength(1);
    const [command] = named(TELEMETRY.spans.command);
    expect(command?.attributes).toMatchObject({
      'clientele.stream': 'Campaign-c-1',
      'clientele.engine': store.engineName,
      'clientele.command_id': context.commandId,
      'clientele.correlation_id': 'import-2026-03',
      'clientele.causation_id': 'file-row-17',
      'clientele.actor.role': 'marketing',
      'clientele.outcome': 'Done',
    });
    for (const step of ['commandLoad', 'commandDecide', 'commandAppend'] as const) {
      const [child] = named(TELEMETRY.spans[step]);
      expect(parentOf(child), step).toBe(idOf(command));
    }
    const [append] = await pointsOf(TELEMETRY.metrics.appendDuration);
    expect(append?.attributes).toEqual({ 'clientele.engine': store.engineName });
    expect((append?.value as Histogram).count).toBe(1);
  });

  it('traces a rebuild in batches and records its lag', async () => {
    const runner = createProjectionRunner({
      events: store,
      readModels: createInMemoryReadModelStore(),
      projections: allReadModels,
    });
    expect(await runner.catchUp()).toBe(1);
    const batches = named(TELEMETRY.spans.projectionBatch);
    expect(batches.length).toBeGreaterThan(0);
    expect(batches[0]?.attributes['clientele.projection']).toContain('campaigns');
    expect(batches.reduce((sum, b) => sum + Number(b.attributes['clientele.events']), 0)).toBe(1);
    const [lag] = await pointsOf(TELEMETRY.metrics.projectionLagEvents);
    expect(lag?.value).toBe(0);
    const [seconds] = await pointsOf(TELEMETRY.metrics.projectionLagSeconds);
    expect(seconds?.value).toEqual(expect.any(Number));
  });

  it('marks a failed reactor delivery: an error span, each failed try counted, the backlog measured', async () => {
    const refusing = createServer((_request, response) => response.writeHead(503).end());
    await new Promise<void>((resolve) => refusing.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${String((refusing.address() as AddressInfo).port)}/`;
    const deals = createInMemoryEventStore();
    const id = '0193a000-0000-7000-8000-00000000d001';
    await deals.appendToStream('Opportunity-o-1', [
      {
        type: 'OpportunityWon',
        data: {
          opportunityId: 'o-1',
          stageId: 'won',
          amount: { amountMinor: 500_00, currency: 'EUR' },
          wonOn: '2026-03-02',
          ownerId: 'rep-1',
        },
        eventId: id,
        metadata: { ...context, commandId: id, schemaVersion: 1 },
      },
    ]);
    const relay = createOutboxRelay({
      store: deals,
      checkpoints: createInMemoryCheckpointStore(),
      target: createWebhookTarget({ name: 'erp', url, secret: 's' }),
      deadLetters: createDeadLetterLog({ store: createInMemoryEventStore(), targetName: 'erp' }),
      retry: { attempts: 2, initialDelayMs: 1 },
    });
    await relay.catchUp();
    refusing.close();
    const [delivery] = named(TELEMETRY.spans.outboxDelivery);
    expect(delivery?.status.code).toBe(2); // SpanStatusCode.ERROR
    expect(delivery?.attributes).toMatchObject({
      'clientele.target': 'erp',
      'clientele.message_type': 'DealWon.v1',
      'clientele.correlation_id': 'import-2026-03',
      'clientele.causation_id': id,
      'clientele.attempt': 2,
      'clientele.outcome': 'DeadLettered',
    });
    expect(named(TELEMETRY.spans.reactorDelivery)[0]?.attributes['clientele.reactor']).toBe(
      'outbox:erp',
    );
    const failures = await pointsOf(TELEMETRY.metrics.reactorFailures);
    expect(failures.find((p) => p.attributes['clientele.reactor'] === 'outbox:erp')?.value).toBe(2);
    const [backlog] = await pointsOf(TELEMETRY.metrics.outboxBacklog);
    expect(backlog).toMatchObject({ attributes: { 'clientele.target': 'erp' }, value: 1 });
  });
});
