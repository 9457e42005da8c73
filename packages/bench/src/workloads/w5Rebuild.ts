import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventStore } from '@clientele/eventstore';
import type { ReadModelStore } from '@clientele/projections';
import { allReadModels, createProjectionRunner } from '@clientele/projections';
import { createSqliteReadModelStore, sqliteRebuildThreads } from '@clientele/projections/sqlite';
import type { Database } from 'better-sqlite3';
import type { BenchEngine } from '../benchEngine.js';
import { timeOnce, withPeakRss } from '../measure.js';
import type { WorkloadResult, WorkloadSizes } from './workloadResult.js';
import { ratioOf } from './workloadResult.js';
import { populateSales } from './w5Sales.js';

/** The read models next to the log: in the event store's own SQLite file when it has one. */
const openReadModels = (store: EventStore): { readModels: ReadModelStore; remove: () => void } => {
  if ('database' in store) {
    return {
      readModels: createSqliteReadModelStore({ database: store.database as Database }),
      remove: () => undefined,
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'clientele-bench-read-models-'));
  return {
    readModels: createSqliteReadModelStore({ file: join(dir, 'read-models.db') }),
    remove: () => {
      rmSync(dir, { recursive: true, force: true });
    },
  };
};

/**
 * The raw baseline on the log just written: iterating its rows with better-sqlite3 and parsing
 * each row's data and metadata, the least any rebuild of it must do. Undefined off SQLite.
 */
const rawReadSameLog = (store: EventStore): { seconds: number; rows: number } | undefined => {
  if (!('database' in store)) return undefined;
  const rows = (store.database as Database).prepare(
    'SELECT data, metadata FROM events ORDER BY position',
  );
  const started = performance.now();
  let seen = 0;
  for (const row of rows.iterate() as Iterable<{ data: string; metadata: string }>) {
    const data: unknown = JSON.parse(row.data);
    const metadata: unknown = JSON.parse(row.metadata);
    if (data !== null && metadata !== null) seen += 1;
  }
  return { seconds: (performance.now() - started) / 1000, rows: seen };
};

/** Rebuilds every read model, timed, on `threads` threads (SQLite only; 1 elsewhere). */
const timedRebuild = (store: EventStore, readModels: ReadModelStore, threads: number) => {
  const runner = createProjectionRunner({
    events: store,
    readModels,
    projections: allReadModels,
    rebuildThreads:
      'database' in store && threads > 1
        ? sqliteRebuildThreads((store.database as Database).name, threads)
        : undefined,
  });
  return withPeakRss(() => timeOnce(() => runner.rebuild()));
};

/** Runs W5 with the rebuild on `threads` threads (SQLite; one thread elsewhere). */
const runRebuild = async (
  engine: BenchEngine,
  sizes: WorkloadSizes,
  threads: number,
): Promise<WorkloadResult> => {
  const { store, close } = await engine.open();
  const { readModels, remove } = openReadModels(store);
  try {
    const count = await populateSales(store, sizes.logEvents);
    const sameLog = rawReadSameLog(store);
    const [rawSeconds = Number.NaN] =
      sameLog === undefined ? await engine.rawReadAll(count) : [sameLog.seconds];
    const raw = count / rawSeconds;
    const { peakRssMb, value } = await timedRebuild(store, readModels, threads);
    if (value.value !== count)
      throw new Error(`rebuilt from ${value.value} events, expected ${count}`);
    const ops = count / value.seconds;
    return {
      workload: threads > 1 ? 'W5T' : 'W5',
      engine: engine.name,
      opsPerSec: ops,
      rawOpsPerSec: raw,
      ratio: ratioOf(ops, raw),
      p50Ms: null,
      p99Ms: null,
      peakRssMb,
      note: `${count} events, ${allReadModels.length} read models, ${threads} thread(s)`,
    };
  } finally {
    await readModels.close();
    await close();
    remove();
  }
};

/**
 * W5: rebuilding every read model from a log of domain events, through the projection runner,
 * into SQLite read models in batches (documents and checkpoint committed together). The raw
 * baseline is iterating and parsing the same log's rows with the driver (SQLite; elsewhere the
 * engine's raw read of as many rows).
 */
export const runW5 = (engine: BenchEngine, sizes: WorkloadSizes): Promise<WorkloadResult> =>
  runRebuild(engine, sizes, 1);

/** W5T: W5 with the projections split between one thread per core, at most four (SQLite). */
export const runW5Threads = (engine: BenchEngine, sizes: WorkloadSizes): Promise<WorkloadResult> =>
  runRebuild(engine, sizes, Math.min(availableParallelism(), 4));
