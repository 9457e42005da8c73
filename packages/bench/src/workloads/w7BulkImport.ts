import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchEngine } from '../benchEngine.js';
import type { WorkloadResult, WorkloadSizes } from './workloadResult.js';
import { ratioOf } from './workloadResult.js';
import { benchTokenEnvironment } from './benchToken.js';

/** The built CLI of this workspace (`pnpm bench` builds it first). */
const CLI = fileURLToPath(new URL('../../../cli/dist/main.js', import.meta.url));

/** The public datasets beside the repository, as the real-data tests find them. */
const DATASETS =
  process.env['CLIENTELE_DATASETS'] ??
  fileURLToPath(new URL('../../../../../shared/datasets/', import.meta.url));

const PIPELINE = join(DATASETS, 'maven-crm-sales-opportunities', 'sales_pipeline.csv');

const rate = (latencies: readonly number[]) =>
  latencies.length / (latencies.reduce((a, b) => a + b, 0) / 1000);

/** The count after `commands accepted:` in the import summary (digits with separators). */
const commandsAccepted = (summary: string): number | undefined => {
  const match = /commands accepted:\s+([\d,]+)/.exec(summary);
  return match?.[1] === undefined ? undefined : Number(match[1].replaceAll(',', ''));
};

const missing = (engine: BenchEngine, note: string): WorkloadResult => ({
  workload: 'W7',
  engine: engine.name,
  opsPerSec: null,
  rawOpsPerSec: null,
  ratio: null,
  p50Ms: null,
  p99Ms: null,
  peakRssMb: null,
  note,
});

/** Where the CLI imports, and who it acts as there. */
interface ImportTarget {
  readonly url: string;
  /** `--actor` on a local file; a shared store takes a signed token from the environment. */
  readonly actorArguments: readonly string[];
  readonly environment: Readonly<Record<string, string>>;
  readonly remove: () => Promise<void>;
}

/** A fresh store for the CLI: a SQLite file, or a schema on the bench's PostgreSQL server. */
const importTarget = async (engine: BenchEngine): Promise<ImportTarget> => {
  if (engine.name === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'clientele-bench-w7-'));
    return {
      url: `sqlite:${join(dir, 'import.db')}`,
      actorArguments: ['--actor', 'bench:administrator'],
      environment: {},
      remove: async () => {
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const opened = await engine.open();
  const [server, schema] = opened.location ?? [];
  if (server === undefined || schema === undefined)
    throw new Error(`the ${engine.name} engine has no location a CLI could open`);
  const url = new URL(server);
  url.searchParams.set('schema', schema);
  const token = await benchTokenEnvironment();
  return {
    url: url.toString(),
    actorArguments: [],
    environment: token.environment,
    // Closing drops the schema, and the read models' schema the CLI keeps beside it.
    remove: async () => {
      token.remove();
      await opened.close();
    },
  };
};

/**
 * W7 bulk import: the Maven sales pipeline (8,800 deals with their accounts, teams and products)
 * through `clientele import opportunities --skip-invalid` into a fresh SQLite file or PostgreSQL
 * schema, as a user runs
 * it: a spawned CLI, hash chain and encryption on, every command decoded, authorized, decided and
 * checked on its own, and the engine's group commit putting many commands into each transaction.
 * `--skip-invalid` leaves out the in-memory check pass, so the figure is the writing path alone.
 * Ops/s are accepted commands per second of the whole process, start-up included; the raw
 * baseline is single-row transactions on the same engine, measured just before.
 */
export const runW7 = async (engine: BenchEngine, sizes: WorkloadSizes): Promise<WorkloadResult> => {
  if (!existsSync(PIPELINE))
    return missing(engine, `the Maven dataset is not at ${PIPELINE} (set CLIENTELE_DATASETS)`);
  const raw = rate(await engine.rawSingleRowAppends(sizes.appends, sizes.streams));
  const target = await importTarget(engine);
  try {
    const args = [CLI, 'import', 'opportunities', PIPELINE, '--skip-invalid'];
    const store = ['--store', target.url, ...target.actorArguments];
    const started = performance.now();
    const run = spawnSync(process.execPath, [...args, ...store], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ...target.environment, CLIENTELE_TENANT_KEY: 'bench-tenant-key' },
      maxBuffer: 64 * 1024 * 1024,
    });
    const seconds = (performance.now() - started) / 1000;
    const accepted = commandsAccepted(String(run.stdout));
    if (run.status !== 0 || accepted === undefined)
      throw new Error(`clientele import exited ${String(run.status)}: ${String(run.stderr)}`);
    const ops = accepted / seconds;
    return {
      workload: 'W7',
      engine: engine.name,
      opsPerSec: ops,
      rawOpsPerSec: raw,
      ratio: ratioOf(ops, raw),
      p50Ms: null,
      p99Ms: null,
      peakRssMb: null,
      note: `${String(accepted)} Maven import commands through the CLI in ${seconds.toFixed(1)} s (a spawned process: no per-command latency or RSS here), group commit, hash chain and encryption on`,
    };
  } finally {
    await target.remove();
  }
};
