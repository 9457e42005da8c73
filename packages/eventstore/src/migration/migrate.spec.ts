import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import type { RecordedEvent } from '../envelope/envelope.js';
import type { EventStore } from '../eventStore/eventStore.js';
import { createInMemoryEventStore } from '../inMemory/inMemoryEventStore.js';
import { collect, testEvent } from '../testing/contract/fixtures.js';
import { hashLog } from './contentHash.js';
import { migrate } from './migrate.js';

/** A source log of interleaved streams and multi-event batches. */
const seededSource = async (): Promise<EventStore> => {
  const store = createInMemoryEventStore();
  for (let round = 0; round < 5; round += 1) {
    for (const stream of ['Lead-1', 'Customer-7', 'Lead-2']) {
      await store.appendToStream(stream, [
        testEvent('Touched', { round, big: 2n ** 64n }),
        testEvent('Noted', { text: `round ${round}`, nested: { b: 1, a: [true, null] } }),
      ]);
    }
  }
  return store;
};

/** The fields a migration preserves (positions and recorded times are the target's own). */
const preserved = (events: readonly RecordedEvent[]) =>
  events.map(({ streamName, streamRevision, eventId, type, data, metadata }) => ({
    streamName,
    streamRevision,
    eventId,
    type,
    data,
    metadata,
  }));

describe('migrate', () => {
  it('copies every event in log order with the same streams, revisions and fields', async () => {
    const source = await seededSource();
    const target = createInMemoryEventStore();
    const report = await migrate(source, target, { batchSize: 3 });
    expect(E.isRight(report) && report.right).toMatchObject({ eventCount: 30, copied: 30 });
    expect(preserved(await collect(target.readAll()))).toEqual(
      preserved(await collect(source.readAll())),
    );
    expect(E.isRight(report) && report.right.contentHash).toBe(
      (await hashLog(source.readAll())).hash,
    );
  });

  it('resumes after an interruption without copying anything twice', async () => {
    const source = await seededSource();
    const target = createInMemoryEventStore();
    let appends = 0;
    await expect(
      migrate(source, target, {
        batchSize: 2,
        onProgress: () => {
          appends += 1;
          if (appends === 4) throw new Error('power cut');
        },
      }),
    ).rejects.toThrow('power cut');
    expect(await collect(target.readAll())).toHaveLength(8);
    const progress: number[] = [];
    const report = await migrate(source, target, { onProgress: (p) => progress.push(p.copied) });
    expect(E.isRight(report) && report.right).toMatchObject({
      eventCount: 30,
      copied: 22,
      alreadyPresent: 8,
    });
    expect(progress[progress.length - 1]).toBe(22);
    expect(await collect(target.readAll())).toHaveLength(30);
  });

  it('finishes at once when the target is already a complete copy', async () => {
    const source = await seededSource();
    const target = createInMemoryEventStore();
    await migrate(source, target);
    const again = await migrate(source, target);
    expect(E.isRight(again) && again.right).toMatchObject({ copied: 0, alreadyPresent: 30 });
  });

  it('refuses a target holding events that did not come from the source', async () => {
    const source = await seededSource();
    const target = createInMemoryEventStore();
    await target.appendToStream('Lead-1', [testEvent('Foreign')]);
    const report = await migrate(source, target);
    expect(E.isLeft(report) && report.left.kind).toBe('TargetDiverged');
  });

  it('refuses a target whose streams were written by someone else', async () => {
    const source = await seededSource();
    const target = createInMemoryEventStore();
    let interfered = false;
    const report = await migrate(source, target, {
      onProgress: () => {
        if (interfered) return;
        interfered = true;
        void target.appendToStream('Customer-7', [testEvent('Foreign')]);
      },
      batchSize: 2,
    });
    expect(E.isLeft(report) && report.left).toMatchObject({ kind: 'TargetDiverged' });
  });
});
