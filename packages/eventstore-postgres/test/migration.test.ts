import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import type { EventStore, RecordedEvent } from '@clientele/eventstore';
import { createInMemoryEventStore, hashLog, migrate } from '@clientele/eventstore';
import { collect, testEvent } from '@clientele/eventstore/testing';
import { createPostgresEventStore } from '@clientele/eventstore-postgres';
import { createSqliteEventStore } from '@clientele/eventstore-sqlite';
import { connectionString, usePostgres } from '../../../test/support/postgres.js';

const { available, throwawaySchema } = await usePostgres({ maxConnections: 2 });

/** A log with what a migration must not bend: interleaved streams, batches, odd values. */
const seed = async (store: EventStore): Promise<void> => {
  for (let round = 0; round < 40; round += 1) {
    for (const stream of ['Lead-1', 'Customer-ü', 'Opportunity-9', `Lead-${round % 7}`]) {
      const batch = Array.from({ length: 1 + (round % 3) }, (_, n) =>
        testEvent(
          round % 2 === 0 ? 'Touched' : 'Noted',
          {
            round,
            n,
            big: 2n ** 64n + BigInt(round),
            text: 'naïve “quotes” \u2028 😀',
            nested: { z: 1, a: [0.1, -0, null] },
          },
          round % 5 === 0
            ? {
                tenantId: 'tenant-a',
                causationId: 'cause-1',
                subjects: [{ subjectId: 's', keyId: 'k' }],
              }
            : {},
        ),
      );
      const result = await store.appendToStream(stream, batch);
      expect(E.isRight(result)).toBe(true);
    }
  }
};

const preserved = (events: readonly RecordedEvent[]) =>
  events.map(({ streamName, streamRevision, eventId, type, data, metadata }) => ({
    streamName,
    streamRevision,
    eventId,
    type,
    data,
    metadata,
  }));

describe.runIf(available)('migrate across engines', () => {
  it('carries a log from memory to SQLite to PostgreSQL to SQLite with identical content hashes', async () => {
    const memory = createInMemoryEventStore();
    await seed(memory);
    const firstSqlite = createSqliteEventStore({ file: ':memory:' });
    const schema = throwawaySchema();
    const postgres = createPostgresEventStore({ connectionString, schema });
    const lastSqlite = createSqliteEventStore({ file: ':memory:' });
    try {
      const hashes: string[] = [(await hashLog(memory.readAll())).hash];
      const toSqlite = await migrate(memory, firstSqlite);
      expect(E.isRight(toSqlite)).toBe(true);
      if (E.isRight(toSqlite)) hashes.push(toSqlite.right.contentHash);

      // Interrupted half-way into PostgreSQL, then resumed.
      let appends = 0;
      await expect(
        migrate(firstSqlite, postgres, {
          batchSize: 2,
          onProgress: () => {
            appends += 1;
            if (appends === 50) throw new Error('connection lost');
          },
        }),
      ).rejects.toThrow('connection lost');
      const resumed = await migrate(firstSqlite, postgres);
      expect(E.isRight(resumed) && resumed.right.alreadyPresent).toBeGreaterThan(0);
      if (E.isRight(resumed)) hashes.push(resumed.right.contentHash);

      const back = await migrate(postgres, lastSqlite);
      expect(E.isRight(back)).toBe(true);
      if (E.isRight(back)) hashes.push(back.right.contentHash);

      expect(hashes).toHaveLength(4);
      expect(new Set(hashes).size).toBe(1);
      expect(preserved(await collect(lastSqlite.readAll()))).toEqual(
        preserved(await collect(memory.readAll())),
      );
    } finally {
      await Promise.all([firstSqlite.close(), postgres.close(), lastSqlite.close()]);
    }
  });
});
