import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { RecordedEvent, Subscription } from '@clientele/eventstore';
import { comparePositions, createReactorRunner } from '@clientele/eventstore';
import {
  createPostgresCheckpointStore,
  createPostgresEventStore,
} from '@clientele/eventstore-postgres';
import { createInMemoryReadModelStore, createProjectionRunner } from '@clientele/projections';
import { createPostgresReadModelStore } from '@clientele/projections/postgres';
import { dumpActive } from '@clientele/projections/testing';
import { describeWhenAvailable } from '../../support/requireService.js';
import type { ThrowawayCluster } from '../../support/throwawayCluster.js';
import { clustersUnavailable, createCluster } from '../../support/throwawayCluster.js';
import { readLog } from '../severalAppServers/reactorEffects.js';
import { EVENTS_PER_ORDER, orderEventCounts, receiptFor, runWriters } from './restartWorkload.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `state` every 100 ms until it says done; fails after `timeoutMs`, showing the state. */
const eventually = async (
  state: () => Promise<{ readonly done: boolean }>,
  timeoutMs: number,
): Promise<void> => {
  const giveUpAt = Date.now() + timeoutMs;
  for (;;) {
    const now = await state();
    if (now.done) return;
    if (Date.now() > giveUpAt) {
      throw new Error(
        `not reached within ${timeoutMs} ms: ${JSON.stringify(now, (_, v: unknown) => (typeof v === 'bigint' ? v.toString() : v))}`,
      );
    }
    await sleep(100);
  }
};

describeWhenAvailable('a PostgreSQL server restarted under load', clustersUnavailable(), () => {
  let cluster: ThrowawayCluster | undefined;
  beforeAll(() => {
    cluster = createCluster(`clientele_restart_${process.pid}`, 5448);
    cluster.start();
  }, 60_000);
  afterAll(() => cluster?.drop(), 60_000);

  it('loses nothing acknowledged, half-writes no batch, and its subscription and runners resume with every event once', async () => {
    const server = cluster!;
    const pool = new pg.Pool({ connectionString: server.connectionString, max: 8 });
    // The pool's idle connections die with the server; the next query reconnects.
    pool.on('error', () => undefined);
    const store = createPostgresEventStore({ pool, schema: 'crm_events', pollMilliseconds: 200 });
    const readModels = createPostgresReadModelStore({ connection: pool, schema: 'crm_read' });
    const stopRunners = new AbortController();
    const stopWriters = new AbortController();
    const projections = createProjectionRunner({
      events: store,
      readModels,
      projections: [orderEventCounts],
      batchSize: 20,
      lease: { holder: 'restart-test', ttlMs: 1_000 },
    });
    const reactor = createReactorRunner({
      name: 'receipts',
      store,
      checkpoints: createPostgresCheckpointStore({ pool, schema: 'crm_events' }),
      filter: { streamNamePrefixes: ['Order-'] },
      react: receiptFor(store),
      checkpointEvery: 10,
    });
    const seen: RecordedEvent[] = [];
    const subscription: Subscription = store.subscribeToAll();
    const following = (async () => {
      for await (const message of subscription)
        if (message.kind === 'event') seen.push(message.event);
    })();
    const runnerFailures: unknown[] = [];
    const running = [projections.run(stopRunners.signal), reactor.run()].map((run) =>
      run.catch((error: unknown) => runnerFailures.push(String(error))),
    );
    try {
      const writing = runWriters(store, 3, stopWriters.signal);
      await sleep(1_000);
      server.stop('immediate');
      await sleep(1_000);
      server.start();
      await sleep(1_000);
      stopWriters.abort();
      const writers = await writing;

      const log = await readLog(store);
      const head = log[log.length - 1]!.position;
      const orders = log.filter((event) => event.streamName.startsWith('Order-'));
      const receipts = log.filter((event) => event.streamName.startsWith('Receipt-'));
      await eventually(async () => {
        const [status] = await projections.status();
        // A live reactor saves its checkpoint every so many events, not after each: the receipts,
        // one per order including those written after the restart, say it has resumed.
        const reacted = (await readLog(store)).filter((e) => e.streamName.startsWith('Receipt-'));
        const done =
          seen.length >= log.length &&
          status?.checkpoint !== undefined &&
          comparePositions(status.checkpoint, head) >= 0 &&
          reacted.length === new Set(orders.map((e) => e.streamName)).size;
        return {
          done,
          seen: seen.length,
          logged: log.length,
          status,
          reacted: reacted.length,
          runnerFailures,
          sessions: (
            await pool.query<{ state: string; wait: string | null; query: string }>(
              `select state, wait_event as wait, left(query, 60) as query from pg_stat_activity
               where datname = current_database() and pid <> pg_backend_pid()`,
            )
          ).rows,
        };
      }, 15_000);

      // The outage was seen, and only as the retryable error.
      expect(writers.retryableFailures).toBeGreaterThan(0);
      expect(writers.otherFailures).toEqual([]);
      // Nothing acknowledged is lost, and every order holds its whole batch or nothing.
      const logged = new Set(orders.map((event) => event.eventId));
      expect(writers.acknowledged.filter((id) => !logged.has(id))).toEqual([]);
      const perOrder = new Map<string, number>();
      for (const event of orders)
        perOrder.set(event.streamName, (perOrder.get(event.streamName) ?? 0) + 1);
      expect([...perOrder.values()].every((n) => n === EVENTS_PER_ORDER)).toBe(true);
      // The live subscription saw every event once, in log order, across the restart.
      const finalLog = await readLog(store);
      expect(seen.map((e) => e.eventId)).toEqual(
        finalLog.map((e) => e.eventId).slice(0, seen.length),
      );
      expect(seen.length).toBeGreaterThanOrEqual(log.length);
      // The runners resumed: the read model equals a rebuild, one receipt per order.
      const rebuilt = createInMemoryReadModelStore();
      await createProjectionRunner({
        events: store,
        readModels: rebuilt,
        projections: [orderEventCounts],
      }).catchUp();
      expect(await dumpActive(readModels, orderEventCounts.name)).toEqual(
        await dumpActive(rebuilt, orderEventCounts.name),
      );
      const receiptsNow = finalLog.filter((e) => e.streamName.startsWith('Receipt-'));
      expect(new Set(receiptsNow.map((e) => e.streamName)).size).toBe(receiptsNow.length);
      expect(receiptsNow.length).toBe(perOrder.size);
      console.log(
        `restart under load: ${writers.acknowledged.length} events acknowledged, ${writers.retryableFailures} retryable failures, ${receipts.length} receipts before the runners caught up`,
      );
    } finally {
      stopWriters.abort();
      stopRunners.abort();
      await reactor.stop();
      await subscription.stop();
      await Promise.allSettled([...running, following]);
      await store.close();
      await readModels.close();
      await pool.end();
    }
  }, 60_000);
});
