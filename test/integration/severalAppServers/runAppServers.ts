import { fileURLToPath } from 'node:url';
import { expect, onTestFinished } from 'vitest';
import type { EventStore, Position } from '@clientele/eventstore';
import { comparePositions, parsePosition, positionToString } from '@clientele/eventstore';
import type { ReadModelStore } from '@clientele/projections';
import {
  allReadModels,
  createInMemoryReadModelStore,
  createProjectionRunner,
} from '@clientele/projections';
import { dumpActive } from '@clientele/projections/testing';
import type { ChildScript } from '../../../packages/eventstore-sqlite/test/support/childScripts.js';
import { startScript } from '../../../packages/eventstore-sqlite/test/support/childScripts.js';
import { expectEffectsOnce, missingEffects, readLog } from './reactorEffects.js';

const here = fileURLToPath(new URL('./', import.meta.url));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** How the test looks into the shared store from outside the app servers. */
export interface SharedStore {
  readonly store: EventStore;
  readonly readModels: ReadModelStore;
  /** Every checkpoint (projection builds and reactors) by name, as stored now. */
  checkpoints(): Promise<ReadonlyMap<string, string>>;
  /** The holder of every lease that has not expired, by lease name. */
  leaseHolders(): Promise<ReadonlyMap<string, string>>;
  /**
   * SQLite only: whether a process holds the file's write lock and keeps it. A process paused
   * inside a write transaction does, and nothing can take it away: no lease can change hands
   * until it resumes (engines.md says so).
   */
  writeLocked?(): Promise<boolean>;
}

/** What one run of several app servers showed. */
export interface AppServersRun {
  /** Milliseconds from the SIGKILL until every lease the killed server held had a new holder. */
  readonly failoverAfterKillMs: number;
  /** The same after SIGSTOP, counted from the moment of the pause. */
  readonly failoverAfterStopMs: number;
  /** Pauses that landed inside a SQLite write transaction and were lifted to pause again. */
  readonly pausesInsideATransaction: number;
  readonly commandsRounds: number;
  readonly readYourWrites: number;
  readonly checkpointReadings: number;
}

const SERVERS = 4;
/** How long the survivors may take to finish every reaction and reach the head. */
const SETTLE_WITHIN_MS = 60_000;

/** The server holding the most leases now. */
const busiest = (holders: ReadonlyMap<string, string>, among: readonly string[]): string => {
  const counts = new Map(among.map((id) => [id, 0]));
  for (const holder of holders.values()) {
    if (counts.has(holder)) counts.set(holder, (counts.get(holder) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? among[0]!;
};

/**
 * Starts four app servers on the shared store, SIGKILLs the busiest one while they write, pauses
 * the next busiest past its leases and resumes it, lets the survivors settle, then checks the
 * outcome: read models equal a rebuild from the log, reactor effects happened exactly once, and
 * no checkpoint moved backwards while the test watched them every few milliseconds.
 */
export const runAppServers = async (
  shared: SharedStore,
  location: readonly string[],
  options: { readonly runMs: number; readonly ttlMs: number },
): Promise<AppServersRun> => {
  const ids = Array.from({ length: SERVERS }, (_, n) => `server-${n}`);
  const servers = new Map<string, ChildScript>(
    ids.map((id) => [
      id,
      startScript(
        'appServer.ts',
        [...location, id, String(options.runMs), String(options.ttlMs)],
        here,
      ),
    ]),
  );
  // Even when the test times out, no app server outlives it.
  onTestFinished(() => {
    for (const server of servers.values()) {
      server.child.kill('SIGCONT');
      server.child.kill('SIGKILL');
    }
  });
  const seen = new Map<string, Position>();
  let readings = 0;
  let watching = true as boolean;
  const watcher = (async () => {
    while (watching) {
      for (const [name, text] of await shared.checkpoints()) {
        const parsed = parsePosition(text);
        if (parsed._tag === 'Left') throw new Error(parsed.left);
        const before = seen.get(name);
        if (before !== undefined)
          expect(comparePositions(parsed.right, before), name).toBeGreaterThanOrEqual(0);
        seen.set(name, parsed.right);
        readings += 1;
      }
      await sleep(20);
    }
  })();
  /** Milliseconds until every lease `id` holds has another holder; undefined after `giveUpMs`. */
  const takenFrom = async (
    id: string,
    since: number,
    giveUpMs: number,
  ): Promise<number | undefined> => {
    const held = [...(await shared.leaseHolders())].filter(([, holder]) => holder === id);
    for (;;) {
      const holders = await shared.leaseHolders();
      if (held.every(([name]) => holders.has(name) && holders.get(name) !== id)) {
        return Date.now() - since;
      }
      if (Date.now() - since > giveUpMs) return undefined;
      await sleep(20);
    }
  };
  const failedOver = async (id: string, since: number): Promise<number> => {
    const taken = await takenFrom(id, since, 20 * options.ttlMs);
    if (taken === undefined) {
      throw new Error(
        `the leases of ${id} found no new holder in ${20 * options.ttlMs} ms: ${JSON.stringify([...(await shared.leaseHolders())])}`,
      );
    }
    return taken;
  };
  /**
   * Pauses `id` until its leases have new holders. On SQLite a pause that lands inside a write
   * transaction keeps the file locked, so no lease can move: then it is lifted and tried again.
   */
  const pausedPastLeases = async (id: string) => {
    const { child } = servers.get(id)!;
    for (let inside = 0; ; inside += 1) {
      const pausedAt = Date.now();
      child.kill('SIGSTOP');
      if (shared.writeLocked === undefined) {
        return { ms: await failedOver(id, pausedAt), inside };
      }
      const taken = await takenFrom(id, pausedAt, 10 * options.ttlMs);
      if (taken !== undefined) return { ms: taken, inside };
      if (!(await shared.writeLocked())) return { ms: await failedOver(id, pausedAt), inside };
      child.kill('SIGCONT');
      await sleep(200);
    }
  };
  try {
    // Wait for the servers to start writing and electing.
    while ((await shared.leaseHolders()).size < allReadModels.length) await sleep(100);
    await sleep(1_000);
    const killed = busiest(await shared.leaseHolders(), ids);
    const killedAt = Date.now();
    servers.get(killed)!.child.kill('SIGKILL');
    const failoverAfterKillMs = await failedOver(killed, killedAt);

    const alive = ids.filter((id) => id !== killed);
    const paused = busiest(await shared.leaseHolders(), alive);
    const pause = await pausedPastLeases(paused);
    const failoverAfterStopMs = pause.ms;
    await sleep(options.ttlMs);
    servers.get(paused)!.child.kill('SIGCONT');

    const reports = await Promise.all(
      alive.map(async (id) => {
        const line = await servers.get(id)!.nextLine((l) => l.startsWith('{'));
        return JSON.parse(line) as {
          iterations: number;
          readYourWrites: number;
          waitsTimedOut: number;
        };
      }),
    );
    await settled(shared);
    watching = false;
    await watcher;
    for (const id of alive) {
      const server = servers.get(id)!;
      server.child.kill('SIGTERM');
      expect(await server.exited, server.stderr()).toBe(0);
    }
    await expectSameAsRebuild(shared);
    expectEffectsOnce(await readLog(shared.store));
    expect(reports.reduce((sum, r) => sum + r.waitsTimedOut, 0)).toBe(0);
    // The bound is the ttl plus a retry interval; the rest is room for a busy machine.
    expect(failoverAfterKillMs).toBeLessThan(5 * options.ttlMs);
    expect(failoverAfterStopMs).toBeLessThan(5 * options.ttlMs);
    return {
      failoverAfterKillMs,
      failoverAfterStopMs,
      pausesInsideATransaction: pause.inside,
      commandsRounds: reports.reduce((sum, r) => sum + r.iterations, 0),
      readYourWrites: reports.reduce((sum, r) => sum + r.readYourWrites, 0),
      checkpointReadings: readings,
    };
  } finally {
    watching = false;
    await watcher.catch(() => undefined);
  }
};

/**
 * Waits until every reaction the log calls for is in it and every projection build has reached
 * the head. A quiet log is not enough: an SLA escalation round re-sends every breached ticket's
 * escalation, and on a loaded machine one round outlasts any fixed wait, so an escalation could
 * land after the builds were found at the head and be missing from them but not from a rebuild.
 * Once no reaction is missing, every reactor's further sends are duplicates that append nothing,
 * so a head the builds have reached is final.
 */
const settled = async (shared: SharedStore): Promise<void> => {
  const giveUpAt = Date.now() + SETTLE_WITHIN_MS;
  for (;;) {
    const log = await readLog(shared.store);
    const head = log[log.length - 1]?.position;
    if (head === undefined) throw new Error('the app servers wrote nothing');
    const builds = [...(await shared.checkpoints())].filter(([name]) => name.includes('/'));
    const atHead = builds.every(([, text]) => text === positionToString(head));
    const missing = missingEffects(log);
    if (atHead && missing === 0) return;
    if (Date.now() > giveUpAt) {
      throw new Error(
        `not settled in ${SETTLE_WITHIN_MS} ms: head ${positionToString(head)}, ${missing} reactions missing, builds ${JSON.stringify(builds)}`,
      );
    }
    await sleep(250);
  }
};

const expectSameAsRebuild = async (shared: SharedStore): Promise<void> => {
  const rebuilt = createInMemoryReadModelStore();
  await createProjectionRunner({
    events: shared.store,
    readModels: rebuilt,
    projections: allReadModels,
  }).catchUp();
  for (const { name } of allReadModels) {
    expect(await dumpActive(shared.readModels, name), name).toEqual(
      await dumpActive(rebuilt, name),
    );
  }
};
