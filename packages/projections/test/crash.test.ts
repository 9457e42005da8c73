import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createSqliteEventStore } from '@clientele/eventstore-sqlite';
import { createInMemoryReadModelStore, createProjectionRunner } from '@clientele/projections';
import { createSqliteReadModelStore } from '@clientele/projections/sqlite';
import {
  appendLedger,
  balances,
  dumpActive,
  eventsPerType,
  type LedgerStep,
} from '@clientele/projections/testing';
import { afterAll, describe, expect, it } from 'vitest';

const child = fileURLToPath(new URL('./crash/projectUntilKilled.ts', import.meta.url));
const root = fileURLToPath(new URL('../../../', import.meta.url));
const directory = mkdtempSync(join(tmpdir(), 'clientele-crash-'));
afterAll(() => {
  rmSync(directory, { recursive: true, force: true });
});

/** A repeatable random source (mulberry32), so a failing run can be replayed from its seed. */
const randomFrom = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

const ledger = (random: () => number, count: number): LedgerStep[] =>
  Array.from({ length: count }, () =>
    random() < 0.5
      ? {
          kind: 'Deposited',
          account: Math.floor(random() * 50),
          amount: 1 + Math.floor(random() * 100),
        }
      : {
          kind: 'Transferred',
          from: Math.floor(random() * 50),
          to: Math.floor(random() * 50),
          amount: 1 + Math.floor(random() * 100),
        },
  );

/** When to kill the child: after this many committed batches, plus a few milliseconds. */
interface Kill {
  readonly afterBatches: number;
  readonly extraMs: number;
}

/** Runs the child; kills it with SIGKILL at the given moment of its run, unless it ends first. */
const runChild = (file: string, kill: Kill | undefined, mode = 'catchUp') =>
  new Promise<{ killed: boolean }>((resolve, reject) => {
    const process_ = spawn(process.execPath, ['--import', 'tsx', child, file, '10', mode], {
      cwd: root,
      env: { ...process.env, TSX_TSCONFIG_PATH: join(root, 'tsconfig.tests.json') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    let batches = 0;
    let armed = kill !== undefined;
    process_.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    process_.stdout.on('data', (chunk: Buffer) => {
      batches += chunk.toString().split('batch').length - 1;
      if (armed && kill !== undefined && batches >= kill.afterBatches) {
        armed = false;
        // A few milliseconds later the process may be inside its next transaction.
        setTimeout(() => process_.kill('SIGKILL'), kill.extraMs);
      }
    });
    process_.on('error', reject);
    process_.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve({ killed: true });
      else if (code === 0) resolve({ killed: false });
      else reject(new Error(`the projecting process failed (${code}): ${stderr}`));
    });
  });

/** A random moment of a run of about `batches` batches. */
const randomKill = (random: () => number, batches: number): Kill => ({
  afterBatches: 1 + Math.floor(random() * Math.max(1, batches - 1)),
  extraMs: Math.floor(random() * 4),
});

const checkpointOf = async (file: string): Promise<bigint> => {
  const events = createSqliteEventStore({ file });
  try {
    const builds = await createSqliteReadModelStore({ database: events.database }).builds(
      'balances',
    );
    return builds.reduce(
      (max, b) => (b.checkpoint && b.checkpoint.commit > max ? b.checkpoint.commit : max),
      0n,
    );
  } finally {
    await events.close();
  }
};

describe('a projecting process killed at random moments', () => {
  it('resumes after each kill into a read model equal to a rebuild', async () => {
    const seed = Number(process.env.CRASH_SEED ?? Date.now() % 100_000);
    console.log(`crash test seed ${seed} (rerun with CRASH_SEED=${seed})`);
    const random = randomFrom(seed);
    const file = join(directory, 'store.sqlite');
    const kills = 6;
    const perRound = 4000;
    let killedMidway = 0;
    for (let round = 0; round < kills; round += 1) {
      const events = createSqliteEventStore({ file });
      await appendLedger(events, ledger(random, perRound), round * perRound);
      const head = (await events.headPosition())?.commit ?? 0n;
      await events.close();
      const before = await checkpointOf(file);
      const { killed } = await runChild(file, randomKill(random, Number(head - before) / 10));
      const after = await checkpointOf(file);
      if (killed && after < head) killedMidway += 1;
      console.log(`round ${round}: killed=${killed} checkpoint ${before} → ${after} of ${head}`);
      expect(after).toBeGreaterThanOrEqual(before);
    }
    await runChild(file, undefined);

    const events = createSqliteEventStore({ file });
    try {
      const resumed = createSqliteReadModelStore({ database: events.database });
      const rebuilt = createInMemoryReadModelStore();
      await createProjectionRunner({
        events,
        readModels: rebuilt,
        projections: [balances, eventsPerType],
      }).catchUp();
      expect(await dumpActive(resumed, 'balances')).toEqual(await dumpActive(rebuilt, 'balances'));
      expect(await dumpActive(resumed, 'eventsPerType')).toEqual(
        await dumpActive(rebuilt, 'eventsPerType'),
      );
      const counted = (await dumpActive(resumed, 'eventsPerType')) as { doc: { count: number } }[];
      expect(counted.reduce((sum, d) => sum + d.doc.count, 0)).toBe(kills * perRound);
    } finally {
      await events.close();
    }
    console.log(`${killedMidway} of ${kills} kills cut a run short`);
    // A kill that always came after the end would prove nothing: most must have cut a run short.
    expect(killedMidway).toBeGreaterThanOrEqual(kills / 2);
  });

  it('keeps the old build serving through a rebuild killed at random moments, then switches to an equal one', async () => {
    const seed = Number(process.env.CRASH_SEED ?? Date.now() % 100_000);
    const random = randomFrom(seed + 1);
    const file = join(directory, 'rebuild.sqlite');
    const appended = createSqliteEventStore({ file });
    await appendLedger(appended, ledger(random, 12_000));
    await appended.close();
    await runChild(file, undefined);
    const served = async () => {
      const events = createSqliteEventStore({ file });
      try {
        const store = createSqliteReadModelStore({ database: events.database });
        return {
          active: await store.activeBuild('balances'),
          builds: (await store.builds('balances')).length,
          documents: await dumpActive(store, 'balances'),
        };
      } finally {
        await events.close();
      }
    };
    const before = await served();
    expect(before.active).toBe('1.1');
    let cutShort = 0;
    for (let kill = 0; kill < 3; kill += 1) {
      await runChild(file, randomKill(random, 1_200), 'rebuild');
      const now = await served();
      if (now.builds > 1) cutShort += 1; // a new build was left unfinished beside the active one
      // Killed or finished, queries always see a complete build: the old one or the new one.
      expect(now.documents).toEqual(before.documents);
    }
    expect(cutShort).toBeGreaterThan(0);
    await runChild(file, undefined);
    const after = await served();
    expect(after.active).not.toBe('1.1');
    expect(after.documents).toEqual(before.documents);
  });
});
