import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import * as E from 'fp-ts/lib/Either.js';
import type { EventStore } from '@clientele/eventstore';
import { NO_STREAM } from '@clientele/eventstore';
import { allReadModels, createProjectionRunner } from '@clientele/projections';
import { createSqliteReadModelStore } from '@clientele/projections/sqlite';
import type { Database } from 'better-sqlite3';
import type { BenchEngine } from '../benchEngine.js';
import { percentile, withPeakRss } from '../measure.js';
import { sampleEvent } from './sampleEvents.js';
import { populateSales } from './w5Sales.js';
import type { WorkloadResult, WorkloadSizes } from './workloadResult.js';
import { ratioOf } from './workloadResult.js';

/** The built CLI of this workspace (`pnpm bench` builds it first). */
const CLI = fileURLToPath(new URL('../../../cli/dist/main.js', import.meta.url));

/** Appends between two turns of the event loop, so the reader's exit is seen within one. */
const YIELD_EVERY = 50;

/** What the reading process runs: every read model rebuilt, or every report printed. */
type Reader = 'rebuild' | 'report';

const READER_ARGUMENTS: Readonly<Record<Reader, readonly string[]>> = {
  rebuild: ['rebuild', 'all'],
  report: ['report', 'all', '--format', 'json', '--out', '/dev/null'],
};

/** W1's appends, continued from where the last run left each stream's revision. */
interface Appender {
  readonly store: EventStore;
  readonly streams: number;
  readonly revisions: (bigint | typeof NO_STREAM)[];
  appended: number;
}

/** Appends one W1 event at a time while `keepGoing()` holds; each append's latency in ms. */
const appendWhile = async (writer: Appender, keepGoing: () => boolean): Promise<number[]> => {
  const latencies: number[] = [];
  while (keepGoing()) {
    const index = writer.appended;
    const stream = index % writer.streams;
    const started = performance.now();
    const result = await writer.store.appendToStream(`Bench-${stream}`, [sampleEvent(index)], {
      expectedRevision: writer.revisions[stream] ?? NO_STREAM,
    });
    latencies.push(performance.now() - started);
    if (E.isLeft(result)) throw new Error(result.left.message);
    writer.revisions[stream] = result.right.nextExpectedRevision;
    writer.appended += 1;
    if (writer.appended % YIELD_EVERY === 0)
      await new Promise((resolve) => {
        setImmediate(resolve);
      });
  }
  return latencies;
};

/** A SQLite engine's store: the log and, in the same file, the read models. */
type SqliteStore = EventStore & { readonly database: Database };

/** Builds every read model in the store's file (outside the timing): a report reads built ones. */
const buildReadModels = async (store: SqliteStore): Promise<void> => {
  const readModels = createSqliteReadModelStore({ database: store.database });
  try {
    await createProjectionRunner({
      events: store,
      readModels,
      projections: allReadModels,
    }).rebuild();
  } finally {
    await readModels.close();
  }
};

const rate = (latencies: readonly number[], seconds: number) => latencies.length / seconds;

/** Runs `operation` and gives its wall time in seconds with what it returned. */
const timed = async <T>(operation: () => Promise<T>) => {
  const started = performance.now();
  const value = await operation();
  return { value, seconds: (performance.now() - started) / 1000 };
};

/**
 * Spawns the CLI reading `file` as `reader`, and appends as W1 does until it exits: the appends'
 * latencies, and the reader's wall time in seconds. A reader that fails throws with its stderr.
 */
const appendWhileReading = async (writer: Appender, file: string, reader: Reader) => {
  const child = spawn(
    process.execPath,
    [
      CLI,
      ...READER_ARGUMENTS[reader],
      '--store',
      `sqlite:${file}`,
      '--actor',
      'bench:administrator',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  let running = true;
  const started = performance.now();
  const exited = new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code) => {
      running = false;
      resolve(code);
    });
  });
  const appends = await timed(() => appendWhile(writer, () => running));
  const code = await exited;
  if (code !== 0) throw new Error(`clientele ${reader} all exited ${String(code)}: ${stderr}`);
  return { appends, readerSeconds: (performance.now() - started) / 1000 };
};

/**
 * W9 (`rebuild`) and W9R (`report`): W1's single-event appends in this process while another
 * process, the built CLI, rebuilds every read model (or prints every report, the read models built
 * beforehand, so it catches up with the appends and reads) over a populated SQLite store. The baseline is the same appends on the same store with no reader, measured just
 * before: the ratio is the share of the solo rate appends keep while a reader runs.
 */
const runAppendsWhileReading = async (
  engine: BenchEngine,
  sizes: WorkloadSizes,
  reader: Reader,
): Promise<WorkloadResult> => {
  const { store, close } = await engine.open();
  try {
    const { database } = store as SqliteStore;
    const count = await populateSales(store, sizes.logEvents);
    if (reader === 'report') await buildReadModels(store as SqliteStore);
    const writer: Appender = {
      store,
      streams: sizes.streams,
      revisions: new Array<bigint | typeof NO_STREAM>(sizes.streams).fill(NO_STREAM),
      appended: 0,
    };
    const solo = await timed(() => appendWhile(writer, () => writer.appended < sizes.appends));
    const { peakRssMb, value } = await withPeakRss(() =>
      appendWhileReading(writer, database.name, reader),
    );
    const during = rate(value.appends.value, value.appends.seconds);
    const soloRate = rate(solo.value, solo.seconds);
    const readerRate = count / value.readerSeconds;
    return {
      workload: reader === 'rebuild' ? 'W9' : 'W9R',
      engine: engine.name,
      opsPerSec: during,
      rawOpsPerSec: soloRate,
      ratio: ratioOf(during, soloRate),
      p50Ms: percentile(value.appends.value, 50),
      p99Ms: percentile(value.appends.value, 99),
      peakRssMb,
      readerEventsPerSec: readerRate,
      note: `${value.appends.value.length} appends during \`clientele ${reader} all\` over ${count} events (${value.readerSeconds.toFixed(1)} s, ${Math.round(readerRate)} events/s); raw = the same appends alone, ${sizes.appends} just before`,
    };
  } finally {
    await close();
  }
};

/** W9: appends while another process rebuilds every read model (SQLite). */
export const runW9 = (engine: BenchEngine, sizes: WorkloadSizes): Promise<WorkloadResult> =>
  runAppendsWhileReading(engine, sizes, 'rebuild');

/** W9R: appends while another process prints every report (SQLite). */
export const runW9Report = (engine: BenchEngine, sizes: WorkloadSizes): Promise<WorkloadResult> =>
  runAppendsWhileReading(engine, sizes, 'report');
