import fc from 'fast-check';
import { generateSalesHistory } from '@clientele/domain/testing';
import {
  type EventStore,
  type RecordedEvent,
  createInMemoryEventStore,
} from '@clientele/eventstore';
import { describe, expect, it } from 'vitest';
import { applyEvent, foldEvents } from '../projection/applyEvent.js';
import type { AnyProjection } from '../projection/projection.js';
import type { StoredDocument } from '../projection/storedDocument.js';
import { createProjectionRunner } from '../runner/projectionRunner.js';
import { createInMemoryReadModelStore } from '../store/inMemoryReadModelStore.js';
import { appendHistory } from '../testing/domainHistory.js';
import {
  commissionHistories,
  invoiceHistories,
  ticketHistories,
} from '../testing/serviceAndFinanceEvents.js';
import { dumpActive } from '../testing/syntheticLedger.js';
import { allReadModels } from './allReadModels.js';

const collect = async (events: AsyncIterable<RecordedEvent>): Promise<RecordedEvent[]> => {
  const all: RecordedEvent[] = [];
  for await (const event of events) all.push(event);
  return all;
};

const copyInto = async (target: EventStore, events: readonly RecordedEvent[]): Promise<void> => {
  for (const { streamName, type, data, eventId, metadata } of events) {
    await target.appendToStream(streamName, [{ type, data, eventId, metadata }]);
  }
};

const dumpAll = async (store: ReturnType<typeof createInMemoryReadModelStore>) =>
  Promise.all(allReadModels.map((p) => dumpActive(store, p.name)));

// One generated history per seed, shared by the properties (generating is the slow part).
const histories = new Map<number, RecordedEvent[]>();
const historyOf = async (seed: number): Promise<RecordedEvent[]> => {
  const cached = histories.get(seed);
  if (cached !== undefined) return cached;
  const store = createInMemoryEventStore();
  await generateSalesHistory(store, seed, 120);
  // The generator has no service, finance or commission steps yet: tickets and invoices come from a seeded
  // sample of random ones.
  const [invoices] = fc.sample(
    invoiceHistories().filter((h) => h.length > 0),
    { seed, numRuns: 1 },
  );
  const [tickets] = fc.sample(
    ticketHistories().filter((h) => h.length > 0),
    { seed, numRuns: 1 },
  );
  const [commissions] = fc.sample(
    commissionHistories().filter((h) => h.length > 0),
    { seed, numRuns: 1 },
  );
  await appendHistory(store, [...(invoices ?? []), ...(tickets ?? []), ...(commissions ?? [])]);
  const events = await collect(store.readAll());
  histories.set(seed, events);
  return events;
};

describe('read models over generated sales histories', () => {
  it('are the same built incrementally, in any chunks and batch sizes, as rebuilt in one pass', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 4 }),
        fc.array(fc.integer({ min: 1, max: 200 }), { minLength: 1, maxLength: 5 }),
        fc.integer({ min: 1, max: 64 }),
        async (seed, cuts, batchSize) => {
          const history = await historyOf(seed);
          const events = createInMemoryEventStore();
          const incremental = createInMemoryReadModelStore();
          const runner = createProjectionRunner({
            events,
            readModels: incremental,
            projections: allReadModels,
            batchSize,
          });
          let from = 0;
          for (const cut of [...cuts, history.length]) {
            const to = Math.min(history.length, from + cut);
            await copyInto(events, history.slice(from, to));
            await runner.catchUp();
            from = to;
          }
          const rebuilt = createInMemoryReadModelStore();
          await createProjectionRunner({
            events,
            readModels: rebuilt,
            projections: allReadModels,
          }).catchUp();
          const expected = await dumpAll(rebuilt);
          // A history that leaves a read model empty would prove nothing about it.
          expect(expected.map((documents) => documents.length > 0)).toEqual(
            allReadModels.map(() => true),
          );
          expect(await dumpAll(incremental)).toEqual(expected);
        },
      ),
      { numRuns: 12 },
    );
  });

  it('change nothing when any event is fed twice', async () => {
    const history = await historyOf(1);
    const store = createInMemoryEventStore();
    await copyInto(store, history);
    const log = await collect(store.readAll());
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.nat(log.length - 1), { minLength: 1, maxLength: 30 }),
        async (repeats) => {
          for (const projection of allReadModels as AnyProjection[]) {
            const once = await foldEvents(projection, log);
            const twice = new Map<string, StoredDocument>();
            for (const [i, event] of log.entries()) {
              applyEvent(projection, twice, event);
              for (const r of repeats)
                if (r <= i) applyEvent(projection, twice, log[r] as RecordedEvent);
            }
            expect(twice).toEqual(once);
          }
        },
      ),
      { numRuns: 10 },
    );
  });
});
