import fc from 'fast-check';
import { createInMemoryEventStore, position } from '@clientele/eventstore';
import { describe, expect, it } from 'vitest';
import { applyEvent, foldEvents } from '../projection/applyEvent.js';
import type { StoredDocument } from '../projection/storedDocument.js';
import { createInMemoryReadModelStore } from '../store/inMemoryReadModelStore.js';
import type { ReadModelStore } from '../store/readModelStore.js';
import { dumpActive } from '../testing/dumpActive.js';
import { appendLedger, balances, eventsPerType, ledgerSteps } from '../testing/syntheticLedger.js';
import type { ProjectionProgress } from './progress.js';
import { createProjectionRunner } from './projectionRunner.js';

const collect = async <T>(items: AsyncIterable<T>): Promise<T[]> => {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
};

const dumpAll = async (store: ReadModelStore) => ({
  balances: await dumpActive(store, 'balances'),
  eventsPerType: await dumpActive(store, 'eventsPerType'),
});

describe('projection runner', () => {
  it('gives the same read model incrementally, in any batch size, as in one rebuild', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(ledgerSteps(25), { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 1, max: 12 }),
        async (chunks, batchSize) => {
          const events = createInMemoryEventStore();
          const incremental = createInMemoryReadModelStore();
          const runner = createProjectionRunner({
            events,
            readModels: incremental,
            projections: [balances, eventsPerType],
            batchSize,
          });
          let offset = 0;
          for (const chunk of chunks) {
            await appendLedger(events, chunk, offset);
            offset += chunk.length;
            await runner.catchUp();
          }
          const rebuilt = createInMemoryReadModelStore();
          await createProjectionRunner({
            events,
            readModels: rebuilt,
            projections: [balances, eventsPerType],
          }).catchUp();
          expect(await dumpAll(incremental)).toEqual(await dumpAll(rebuilt));
          await runner.rebuild();
          expect(await dumpAll(incremental)).toEqual(await dumpAll(rebuilt));
        },
      ),
      { numRuns: 40 },
    );
  });

  it('gives the same read model from a rebuild that keeps few documents in memory and commits often', async () => {
    await fc.assert(
      fc.asyncProperty(
        ledgerSteps(60),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 1, max: 6 }),
        async (steps, batchSize, rebuildCommitEvery, rebuildMaxDocuments) => {
          const events = createInMemoryEventStore();
          await appendLedger(events, steps);
          const expected = createInMemoryReadModelStore();
          await createProjectionRunner({
            events,
            readModels: expected,
            projections: [balances, eventsPerType],
          }).catchUp();
          const readModels = createInMemoryReadModelStore();
          const runner = createProjectionRunner({
            events,
            readModels,
            projections: [balances, eventsPerType],
            batchSize,
            rebuildCommitEvery,
            rebuildMaxDocuments,
          });
          await runner.catchUp();
          expect(await dumpAll(readModels)).toEqual(await dumpAll(expected));
          await runner.rebuild();
          expect(await dumpAll(readModels)).toEqual(await dumpAll(expected));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('commits a build queries read every batch, and a rebuild every rebuildCommitEvery events', async () => {
    const events = createInMemoryEventStore();
    await appendLedger(
      events,
      Array.from({ length: 40 }, (_, i) => ({
        kind: 'Deposited' as const,
        account: i % 4,
        amount: 1,
      })),
    );
    const store = createInMemoryReadModelStore();
    const commits: string[][] = [];
    const readModels: ReadModelStore = {
      ...store,
      commit: async (batch) => {
        commits.push(batch.checkpoints.map((c) => `${c.build}@${c.position.commit}`));
        await store.commit(batch);
      },
    };
    const runner = createProjectionRunner({
      events,
      readModels,
      projections: [balances],
      batchSize: 5,
      rebuildCommitEvery: 15,
    });
    await runner.catchUp();
    // The first build: nobody reads it yet, so it commits every 15 events (3 batches) and at the end.
    expect(commits).toEqual([['1.1@15'], ['1.1@30'], ['1.1@40']]);
    commits.length = 0;
    await appendLedger(events, [{ kind: 'Deposited', account: 9, amount: 1 }], 40);
    await runner.rebuild();
    // The active build commits the batch that brings it the new event; the rebuild commits as
    // before, its last commit in the same transaction.
    expect(commits).toEqual([['1.2@15'], ['1.2@30'], ['1.1@41', '1.2@41']]);
  });

  it('changes nothing when any event is fed twice, early or late', async () => {
    await fc.assert(
      fc.asyncProperty(
        ledgerSteps(40),
        fc.array(fc.nat(), { maxLength: 20 }),
        async (steps, repeats) => {
          const events = createInMemoryEventStore();
          await appendLedger(events, steps);
          const log = await collect(events.readAll());
          const once = await foldEvents(balances, log);
          const fed = new Map<string, StoredDocument>();
          for (const [i, event] of log.entries()) {
            applyEvent(balances, fed, event);
            // Feed again an event already applied: the one just applied or any earlier one.
            for (const r of repeats)
              if (r % (log.length + 1) === i) applyEvent(balances, fed, log[r % (i + 1)]!);
          }
          for (const event of log) applyEvent(balances, fed, event);
          expect(fed).toEqual(once);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('changes nothing when a checkpoint falls behind documents that already hold later events', async () => {
    const events = createInMemoryEventStore();
    const readModels = createInMemoryReadModelStore();
    await appendLedger(events, [
      { kind: 'Deposited', account: 1, amount: 10 },
      { kind: 'Transferred', from: 1, to: 2, amount: 4 },
      { kind: 'Deposited', account: 2, amount: 1 },
    ]);
    const runner = createProjectionRunner({ events, readModels, projections: [balances] });
    await runner.catchUp();
    const before = await dumpActive(readModels, 'balances');
    const build = (await readModels.activeBuild('balances')) as string;
    await readModels.commit({
      documents: [],
      checkpoints: [{ name: 'balances', build, position: position(0n) }],
    });
    await runner.catchUp();
    expect(await dumpActive(readModels, 'balances')).toEqual(before);
    expect(before).toEqual([
      { key: 'account:1', doc: { balance: 6, movements: 2 }, at: '2/2' },
      { key: 'account:2', doc: { balance: 5, movements: 2 }, at: '3/3' },
    ]);
  });

  it('keeps the old build serving during a rebuild and switches when it has caught up', async () => {
    const events = createInMemoryEventStore();
    const readModels = createInMemoryReadModelStore();
    await appendLedger(
      events,
      Array.from({ length: 30 }, (_, i) => ({
        kind: 'Deposited' as const,
        account: i % 3,
        amount: 1,
      })),
    );
    const runner = createProjectionRunner({
      events,
      readModels,
      projections: [balances],
      batchSize: 5,
      onProgress: () => void served.push(readModels.activeBuild('balances')),
    });
    const served: Promise<string | undefined>[] = [];
    await runner.catchUp();
    expect(await readModels.activeBuild('balances')).toBe('1.1');
    served.length = 0;
    await runner.rebuild();
    expect(new Set(await Promise.all(served))).toEqual(new Set(['1.1']));
    expect(await readModels.activeBuild('balances')).toBe('1.2');
    expect((await readModels.builds('balances')).map((b) => b.build)).toEqual(['1.2']);
    expect(await dumpActive(readModels, 'balances')).toHaveLength(3);
  });

  it('builds a new version from the start while the previous version keeps serving', async () => {
    const events = createInMemoryEventStore();
    const readModels = createInMemoryReadModelStore();
    await appendLedger(events, [{ kind: 'Deposited', account: 1, amount: 10 }]);
    await createProjectionRunner({ events, readModels, projections: [balances] }).catchUp();
    const doubled = {
      ...balances,
      version: 2,
      apply: (d: { balance: number; movements: number }) => ({
        balance: d.balance + 20,
        movements: d.movements + 1,
      }),
    };
    await createProjectionRunner({ events, readModels, projections: [doubled] }).catchUp();
    expect(await readModels.activeBuild('balances')).toBe('2.2');
    expect(await dumpActive(readModels, 'balances')).toEqual([
      { key: 'account:1', doc: { balance: 20, movements: 1 }, at: '1/1' },
    ]);
  });

  it('reports progress after each batch, ending with nothing left', async () => {
    const events = createInMemoryEventStore();
    await appendLedger(
      events,
      Array.from({ length: 10 }, () => ({ kind: 'Deposited' as const, account: 1, amount: 1 })),
    );
    const reports: ProjectionProgress[] = [];
    let clock = 0;
    const runner = createProjectionRunner({
      events,
      readModels: createInMemoryReadModelStore(),
      projections: [balances],
      batchSize: 4,
      onProgress: (p) => reports.push(p),
      now: () => (clock += 500),
    });
    expect(await runner.catchUp()).toBe(10);
    expect(reports.map((r) => r.eventsDone)).toEqual([4, 8, 10]);
    expect(reports.map((r) => r.eventsLeft)).toEqual([6, 2, 0]);
    // The clock advances 0.5 s per reading: 4 events in 0.5 s is 8 events/s, 6 left is 0.75 s.
    expect(reports[0]?.eventsPerSecond).toBe(8);
    expect(reports[0]?.secondsLeft).toBe(0.75);
  });

  it('shows how far each build lags behind the head of the log', async () => {
    const events = createInMemoryEventStore();
    const readModels = createInMemoryReadModelStore();
    const runner = createProjectionRunner({ events, readModels, projections: [balances] });
    await appendLedger(events, [{ kind: 'Deposited', account: 1, amount: 1 }]);
    await runner.catchUp();
    await appendLedger(
      events,
      Array.from({ length: 3 }, () => ({ kind: 'Deposited' as const, account: 2, amount: 1 })),
    );
    expect((await runner.status()).map((s) => [s.build, s.active, s.lag])).toEqual([
      ['1.1', true, 3n],
    ]);
    await runner.catchUp();
    expect((await runner.status())[0]?.lag).toBe(0n);
  });

  it('follows the log live until stopped', async () => {
    const events = createInMemoryEventStore();
    const readModels = createInMemoryReadModelStore();
    const runner = createProjectionRunner({ events, readModels, projections: [balances] });
    const stop = new AbortController();
    const running = runner.run(stop.signal);
    await appendLedger(events, [{ kind: 'Deposited', account: 7, amount: 3 }]);
    await expect.poll(() => dumpActive(readModels, 'balances'), { timeout: 2000 }).toHaveLength(1);
    stop.abort();
    await running;
  });

  it('refuses two projections of the same name in one runner', () => {
    expect(() =>
      createProjectionRunner({
        events: createInMemoryEventStore(),
        readModels: createInMemoryReadModelStore(),
        projections: [balances, balances],
      }),
    ).toThrow(/distinct/);
  });
});
