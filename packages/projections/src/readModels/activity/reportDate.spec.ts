import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createInMemoryEventStore, position } from '@clientele/eventstore';
import type { EventStore, RecordedEvent } from '@clientele/eventstore';
import { createInMemoryReadModelStore } from '../../store/inMemoryReadModelStore.js';
import { createProjectionRunner } from '../../runner/projectionRunner.js';
import { latestActivityProjection } from './latestActivityProjection.js';
import { reportDate } from './reportDate.js';

const recorded = (streamName: string, occurredAt: string, n: number): RecordedEvent => ({
  type: 'Happened',
  data: {},
  eventId: `0193d000-0000-7000-8000-${String(n).padStart(12, '0')}`,
  streamName,
  streamRevision: 0n,
  position: position(BigInt(n)),
  recordedAt: '2030-01-01T00:00:00.000Z',
  metadata: {
    occurredAt,
    actor: { id: 'a', role: 'administrator' },
    correlationId: 'c',
    causationId: null,
    commandId: 'x',
    schemaVersion: 1,
  },
});

const append = async (store: EventStore, stream: string, occurredAt: string) => {
  const result = await store.appendToStream(stream, [
    { ...recorded(stream, occurredAt, 1), eventId: crypto.randomUUID() },
  ]);
  if (result._tag === 'Left') throw new Error(result.left.message);
};

const dateOf = async (store: EventStore, given?: string) => {
  const readModels = createInMemoryReadModelStore();
  await createProjectionRunner({
    events: store,
    readModels,
    projections: [latestActivityProjection],
  }).catchUp();
  return reportDate(readModels, given, '2099-12-31');
};

describe('the report date', () => {
  it('is the latest day something happened, not the day of the last event appended', async () => {
    const store = createInMemoryEventStore();
    await append(store, 'Invoice-2', '2014-01-09T10:00:00.000Z');
    await append(store, 'Invoice-1', '2013-07-18T10:00:00.000Z');
    expect(await dateOf(store)).toEqual({ asOf: '2014-01-09', source: 'data' });
  });

  it('compares instants, not text: a late offset can be the earlier instant', async () => {
    const store = createInMemoryEventStore();
    await append(store, 'Lead-1', '2026-03-02T01:00:00.000+05:00');
    await append(store, 'Lead-2', '2026-03-01T23:00:00.000Z');
    expect((await dateOf(store)).asOf).toBe('2026-03-01');
  });

  it('ignores records about the data: reservations, privacy requests, exports', async () => {
    const store = createInMemoryEventStore();
    await append(store, 'Customer-1', '2026-03-01T09:00:00.000Z');
    await append(store, 'CustomerKey-t.abc', '2026-12-01T09:00:00.000Z');
    await append(store, 'DataSubject-p', '2026-12-02T09:00:00.000Z');
    await append(store, 'CustomerExport-e', '2026-12-03T09:00:00.000Z');
    expect((await dateOf(store)).asOf).toBe('2026-03-01');
  });

  it('is the day the user gave, or the fallback when nothing happened yet', async () => {
    const store = createInMemoryEventStore();
    expect(await dateOf(store)).toEqual({ asOf: '2099-12-31', source: 'empty' });
    await append(store, 'Lead-1', '2026-03-01T09:00:00.000Z');
    expect(await dateOf(store, '2025-01-01')).toEqual({ asOf: '2025-01-01', source: 'given' });
  });

  it('keeps the largest occurred-at whatever order the events come in', () => {
    const instants = fc.date({
      min: new Date('2000-01-01T00:00:00Z'),
      max: new Date('2040-01-01T00:00:00Z'),
      noInvalidDate: true,
    });
    fc.assert(
      fc.property(fc.array(instants, { minLength: 1 }), (dates) => {
        const doc = dates.reduce(
          (current, date, i) =>
            latestActivityProjection.apply(
              current,
              recorded('Lead-1', date.toISOString(), i + 1),
              'latest',
            ),
          latestActivityProjection.initial('latest'),
        );
        expect(doc.occurredAt).toBe(
          new Date(Math.max(...dates.map((d) => d.getTime()))).toISOString(),
        );
      }),
    );
  });
});
