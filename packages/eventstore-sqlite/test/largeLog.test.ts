import { afterAll, describe, expect, it } from 'vitest';
import { testEvent } from '@clientele/eventstore/testing';
import { createSqliteEventStore } from '@clientele/eventstore-sqlite';
import { tempStoreFile } from './support/childScripts.js';

const EVENTS = 1_000_000;
/** Holding a million envelopes would take about a gigabyte; pages of 1,000 take a few MB. */
const HEAP_GROWTH_BOUND_MB = 64;

describe('reading a 1,000,000-event log', () => {
  const { file, remove } = tempStoreFile();
  afterAll(remove);

  it(`keeps the heap within ${HEAP_GROWTH_BOUND_MB} MB of where it started`, async () => {
    const store = createSqliteEventStore({ file });
    // Rows are written straight into the engine's table: this test is about reading.
    const event = testEvent('LeadTouched', { note: 'called back about the quote' });
    const insert = store.database.prepare(
      'INSERT INTO events (stream_name, stream_revision, event_id, type, data, metadata, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    store.database.transaction(() => {
      for (let n = 0; n < EVENTS; n += 1) {
        insert.run(
          `Lead-${n % 1000}`,
          Math.floor(n / 1000),
          event.eventId,
          event.type,
          JSON.stringify(event.data),
          JSON.stringify(event.metadata),
          '2026-03-03T09:15:00.000Z',
        );
      }
    })();

    const baseline = process.memoryUsage().heapUsed;
    let peak = baseline;
    let count = 0;
    for await (const read of store.readAll()) {
      count += 1;
      if (count % 10_000 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed);
      if (read.type !== 'LeadTouched') throw new Error(`unexpected ${read.type}`);
    }
    await store.close();
    const growthMb = (peak - baseline) / (1024 * 1024);
    console.log(`read ${count} events; heap grew by at most ${growthMb.toFixed(1)} MB`);
    expect(count).toBe(EVENTS);
    expect(growthMb).toBeLessThan(HEAP_GROWTH_BOUND_MB);
  });
});
