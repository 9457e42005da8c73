import * as E from 'fp-ts/lib/Either.js';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import type { RecordedEvent } from '@clientele/eventstore';
import { comparePositions, stringifyJson } from '@clientele/eventstore';
import { testEvent } from '@clientele/eventstore/testing';
import { createPostgresEventStore } from '@clientele/eventstore-postgres';
import { connectionString, usePostgres } from '../../../test/support/postgres.js';

const { available, throwawaySchema } = await usePostgres({ maxConnections: 4 });

const WRITERS = 8;
const APPENDS_PER_WRITER = 40;

/**
 * An append whose transaction stays open a while after taking its sequence numbers: the
 * situation where a naive log hands out position 11 to a commit that lands after 12 is visible.
 */
const slowAppend = async (pool: pg.Pool, schema: string, stream: string, n: number) => {
  const client = await pool.connect();
  try {
    await client.query('begin');
    const event = testEvent('Slow', { n });
    await client.query(`select * from "${schema}".append_events($1, 'any', null, $2, '1 day')`, [
      stream,
      stringifyJson([event]),
    ]);
    await client.query(`select pg_sleep(${(Math.random() * 20) / 1000})`);
    await client.query('commit');
  } finally {
    client.release();
  }
};

describe.runIf(available)('PostgreSQL global log under concurrent writers', () => {
  it('delivers every event exactly once and in position order to a subscriber following the log', async () => {
    const schema = throwawaySchema();
    const store = createPostgresEventStore({ connectionString, schema, maxConnections: 6 });
    const writers = new pg.Pool({ connectionString, max: WRITERS });
    const watcher = new pg.Pool({ connectionString, max: 1 });
    try {
      await store.headPosition();
      const subscription = store.subscribeToAll();
      const seen: RecordedEvent[] = [];
      const total = WRITERS * APPENDS_PER_WRITER;
      const following = (async () => {
        for await (const message of subscription) {
          if (message.kind === 'event') seen.push(message.event);
          if (seen.length === total) return;
        }
      })();
      // A naive reader that follows the sequence alone, to show the race really happens: it
      // sees rows appear below positions it has already passed.
      let writing = true as boolean;
      const naive = (async () => {
        const naiveSeen = new Set<string>();
        let highWater = 0n;
        let lateArrivals = 0;
        while (writing) {
          const { rows } = await watcher.query<{ position: string }>(
            `select position from "${schema}".events`,
          );
          const fresh = rows.map((row) => row.position).filter((p) => !naiveSeen.has(p));
          for (const p of fresh) {
            naiveSeen.add(p);
            if (BigInt(p) < highWater) lateArrivals += 1;
          }
          for (const p of fresh) if (BigInt(p) > highWater) highWater = BigInt(p);
        }
        return lateArrivals;
      })();
      await Promise.all(
        Array.from({ length: WRITERS }, async (_, writer) => {
          for (let n = 0; n < APPENDS_PER_WRITER; n += 1) {
            if (writer % 2 === 0) await slowAppend(writers, schema, `Slow-${writer}`, n);
            else {
              const result = await store.appendToStream(`Fast-${writer}`, [testEvent('Fast')]);
              expect(E.isRight(result)).toBe(true);
            }
          }
        }),
      );
      writing = false;
      const lateArrivals = await naive;
      await store.appendToStream('Fast-last', [testEvent('Fast')]);
      await Promise.race([following, new Promise((r) => setTimeout(r, 20_000))]);
      await subscription.stop();

      expect(seen).toHaveLength(total);
      expect(new Set(seen.map((event) => event.eventId)).size).toBe(total);
      for (let i = 1; i < seen.length; i += 1) {
        expect(comparePositions(seen[i - 1]!.position, seen[i]!.position)).toBeLessThan(0);
      }
      // The race really happened: a reader trusting the sequence would have skipped events.
      expect(lateArrivals).toBeGreaterThan(0);
    } finally {
      await watcher.end();
      await writers.end();
      await store.close();
    }
  });

  it('lets a reader resuming from its last position after every page miss nothing', async () => {
    const schema = throwawaySchema();
    const store = createPostgresEventStore({ connectionString, schema, maxConnections: 4 });
    const writers = new pg.Pool({ connectionString, max: 4 });
    try {
      await store.headPosition();
      let writing = true as boolean;
      const writes = Promise.all(
        Array.from({ length: 4 }, async (_, writer) => {
          for (let n = 0; n < 30; n += 1) await slowAppend(writers, schema, `W-${writer}`, n);
        }),
      ).finally(() => {
        writing = false;
      });
      const seen: RecordedEvent[] = [];
      let checkpoint: RecordedEvent['position'] | undefined;
      const deadline = Date.now() + 20_000;
      while ((writing || seen.length < 120) && Date.now() < deadline) {
        const page: RecordedEvent[] = [];
        for await (const event of store.readAll({
          fromPosition: checkpoint ?? 'start',
          maxCount: 7,
        })) {
          if (checkpoint === undefined || comparePositions(event.position, checkpoint) > 0)
            page.push(event);
        }
        seen.push(...page);
        checkpoint = page[page.length - 1]?.position ?? checkpoint;
        if (page.length === 0) await new Promise((r) => setTimeout(r, 5));
      }
      await writes;
      expect(seen).toHaveLength(120);
      expect(new Set(seen.map((event) => event.eventId)).size).toBe(120);
    } finally {
      await writers.end();
      await store.close();
    }
  });
});
