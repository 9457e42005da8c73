import { fileURLToPath } from 'node:url';
import { expect, onTestFinished } from 'vitest';
import type { EventStore, Position, RecordedEvent } from '@clientele/eventstore';
import { comparePositions, deriveId, parsePosition, positionToString } from '@clientele/eventstore';
import type { ReadModelStore } from '@clientele/projections';
import {
  allReadModels,
  createInMemoryReadModelStore,
  createProjectionRunner,
} from '@clientele/projections';
import { dumpActive } from '@clientele/projections/testing';
import type { ChildScript } from '../../../packages/eventstore-sqlite/test/support/childScripts.js';
import { startScript } from '../../../packages/eventstore-sqlite/test/support/childScripts.js';

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
}

/** What one run of several app servers showed. */
export interface AppServersRun {
  /** Milliseconds from the SIGKILL until every lease the killed server held had a new holder. */
  readonly failoverAfterKillMs: number;
  /** The same after SIGSTOP, counted from the moment of the pause. */
  readonly failoverAfterStopMs: number;
  readonly commandsRounds: number;
  readonly readYourWrites: number;
  readonly checkpointReadings: number;
}

const SERVERS = 4;

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
  const takenFrom = async (id: string, since: number): Promise<number> => {
    const held = [...(await shared.leaseHolders())].filter(([, holder]) => holder === id);
    for (;;) {
      const holders = await shared.leaseHolders();
      if (held.every(([name]) => holders.has(name) && holders.get(name) !== id)) {
        return Date.now() - since;
      }
      await sleep(20);
    }
  };
  try {
    // Wait for the servers to start writing and electing.
    while ((await shared.leaseHolders()).size < allReadModels.length) await sleep(100);
    await sleep(1_000);
    const killed = busiest(await shared.leaseHolders(), ids);
    const killedAt = Date.now();
    servers.get(killed)!.child.kill('SIGKILL');
    const failoverAfterKillMs = await takenFrom(killed, killedAt);

    const alive = ids.filter((id) => id !== killed);
    const paused = busiest(await shared.leaseHolders(), alive);
    const pausedAt = Date.now();
    servers.get(paused)!.child.kill('SIGSTOP');
    const failoverAfterStopMs = await takenFrom(paused, pausedAt);
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
    await expectEffectsOnce(shared.store);
    expect(reports.reduce((sum, r) => sum + r.waitsTimedOut, 0)).toBe(0);
    // The bound is the ttl plus a retry interval; the rest is room for a busy machine.
    expect(failoverAfterKillMs).toBeLessThan(5 * options.ttlMs);
    expect(failoverAfterStopMs).toBeLessThan(5 * options.ttlMs);
    return {
      failoverAfterKillMs,
      failoverAfterStopMs,
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
 * Waits until the log has stopped growing for a while and every projection build has reached its
 * head. Live reactors save their checkpoints only every so many events, so the quiet log is what
 * says they are done: a reaction would append.
 */
const settled = async (shared: SharedStore): Promise<void> => {
  let stableSince = Date.now();
  let lastHead: Position | undefined;
  for (;;) {
    const head = await shared.store.headPosition();
    if (head === undefined) throw new Error('the app servers wrote nothing');
    if (lastHead === undefined || comparePositions(head, lastHead) !== 0) stableSince = Date.now();
    lastHead = head;
    const builds = [...(await shared.checkpoints())].filter(([name]) => name.includes('/'));
    const atHead = builds.every(([, text]) => text === positionToString(head));
    if (atHead && Date.now() - stableSince > 3_000) return;
    await sleep(100);
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

const countBy = (events: readonly RecordedEvent[], key: (e: RecordedEvent) => string) => {
  const counts = new Map<string, number>();
  for (const event of events) counts.set(key(event), (counts.get(key(event)) ?? 0) + 1);
  return counts;
};

/** One customer and one opportunity per converted lead, one commission base per cause, one escalation per breach. */
const expectEffectsOnce = async (store: EventStore): Promise<void> => {
  const log: RecordedEvent[] = [];
  for await (const event of store.readAll()) log.push(event);
  const ofType = (type: string) => log.filter((event) => event.type === type);
  const data = (event: RecordedEvent) => event.data as Record<string, string>;

  const conversions = ofType('LeadConverted');
  const customers = countBy(ofType('CustomerRegistered'), (e) => data(e).customerId ?? '');
  const dealsOfLeads = countBy(
    ofType('OpportunityOpened').filter((e) => data(e).leadId !== undefined),
    (e) => data(e).leadId ?? '',
  );
  expect(conversions.length).toBeGreaterThan(0);
  for (const conversion of conversions) {
    expect(customers.get(deriveId(conversion.eventId, 'customer'))).toBe(1);
    expect(dealsOfLeads.get(data(conversion).leadId ?? '')).toBe(1);
  }
  expect(customers.size).toBe(conversions.length);

  const bases = ofType('CommissionBaseRecorded');
  expect(
    [...countBy(bases, (e) => data(e).causeEventId ?? '').values()].every((n) => n === 1),
  ).toBe(true);
  expect(bases.filter((e) => data(e).base === 'booked')).toHaveLength(
    ofType('OpportunityWon').length,
  );

  const escalations = countBy(
    ofType('TicketEscalated'),
    (e) => `${data(e).ticketId}/${data(e).reason}`,
  );
  expect([...escalations.values()].every((n) => n === 1)).toBe(true);
  const escalatedTickets = new Set(ofType('TicketEscalated').map((e) => data(e).ticketId));
  expect(escalatedTickets.size).toBe(ofType('TicketOpened').length);
};
