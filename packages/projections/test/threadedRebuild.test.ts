import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { generateSalesHistory } from '@clientele/domain/history';
import { createSqliteEventStore } from '@clientele/eventstore-sqlite';
import type { RebuildThreads } from '@clientele/projections';
import { allReadModels, createProjectionRunner } from '@clientele/projections';
import { createSqliteReadModelStore } from '@clientele/projections/sqlite';
import { afterAll, describe, expect, it } from 'vitest';

// A worker thread runs JavaScript: the entry is the built one (`pnpm run build` or `tsc -b`).
const entry = new URL('../dist/sqlite/rebuildThread.js', import.meta.url);
const directory = mkdtempSync(join(tmpdir(), 'clientele-threaded-rebuild-'));
afterAll(() => {
  rmSync(directory, { recursive: true, force: true });
});

/** Every active document as stored: projection, key, document text and last position. */
const storedRows = (database: ReturnType<typeof createSqliteEventStore>['database']) =>
  database
    .prepare(
      `SELECT d.name, d.key, d.doc, d.last_position FROM projection_documents d
       JOIN projection_active a ON a.name = d.name AND a.build = d.build
       ORDER BY d.name, d.key`,
    )
    .raw(true)
    .all() as [string, string, string, string][];

/** Rebuilds every read model of `file` on `threads` threads; returns the rows and the count. */
const rebuildOn = async (file: string, threads: number, batchSize: number) => {
  const events = createSqliteEventStore({ file });
  const readModels = createSqliteReadModelStore({ database: events.database });
  const rebuildThreads: RebuildThreads = { module: entry, config: { file }, threads };
  const progress: number[] = [];
  try {
    const read = await createProjectionRunner({
      events,
      readModels,
      projections: allReadModels,
      batchSize,
      rebuildThreads,
      onProgress: (p) => progress.push(p.eventsDone),
    }).rebuild();
    return { read, rows: storedRows(events.database), progress };
  } finally {
    await readModels.close();
    await events.close();
  }
};

let stores = 0;
const historyFile = async (seed: number, steps: number): Promise<string> => {
  stores += 1;
  const file = join(directory, `store-${stores}.db`);
  const events = createSqliteEventStore({ file });
  await generateSalesHistory(events, seed, steps);
  await events.close();
  return file;
};

describe('a rebuild on several threads', () => {
  it('writes, byte for byte, the documents a single-thread rebuild writes', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 20, max: 120 }),
        fc.integer({ min: 2, max: 4 }),
        fc.integer({ min: 7, max: 400 }),
        async (seed, steps, threads, batchSize) => {
          const file = await historyFile(seed, steps);
          const single = await rebuildOn(file, 1, batchSize);
          const threaded = await rebuildOn(file, threads, batchSize);
          expect(single.rows.length).toBeGreaterThan(0);
          expect(threaded.rows).toEqual(single.rows);
          expect(threaded.read).toBe(single.read);
        },
      ),
      { numRuns: 4 },
    );
  });

  it('reports progress from every thread until the last event', async () => {
    const file = await historyFile(7, 60);
    const { read, progress } = await rebuildOn(file, 2, 50);
    expect(progress.length).toBeGreaterThan(0);
    expect(Math.max(...progress)).toBeLessThanOrEqual(read);
  });

  it('fails, naming the projections, when a thread cannot open the store', async () => {
    const file = await historyFile(3, 20);
    const events = createSqliteEventStore({ file });
    const readModels = createSqliteReadModelStore({ database: events.database });
    try {
      const runner = createProjectionRunner({
        events,
        readModels,
        projections: allReadModels,
        rebuildThreads: { module: entry, config: { file: 42 }, threads: 2 },
      });
      await expect(runner.rebuild()).rejects.toThrow(/rebuild of .*deals.* failed: .*file/);
    } finally {
      await readModels.close();
      await events.close();
    }
  });
});
