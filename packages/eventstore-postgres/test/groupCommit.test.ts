import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import type { PostgresEventStore } from '@clientele/eventstore-postgres';
import { createPostgresEventStore } from '@clientele/eventstore-postgres';
import { NO_STREAM } from '@clientele/eventstore';
import { collect, testEvent } from '@clientele/eventstore/testing';
import { connectionString, usePostgres } from '../../../test/support/postgres.js';

const { available, pool, throwawaySchema, closeAfterTest } = await usePostgres();

/** Events another connection sees: only what is committed. */
const committedCount = async (schema: string): Promise<number> => {
  const { rows } = await pool.query<{ n: string }>(`select count(*) as n from "${schema}".events`);
  return Number(rows[0]?.n);
};

const openStore = async (): Promise<{ store: PostgresEventStore; schema: string }> => {
  const schema = throwawaySchema();
  const store = closeAfterTest(createPostgresEventStore({ connectionString, schema }));
  await store.headPosition();
  return { store, schema };
};

describe.runIf(available)('PostgreSQL group commit', () => {
  it('commits at the command count it was given, and the rest when the work ends', async () => {
    const { store, schema } = await openStore();
    const seen: number[] = [];
    await store.groupCommit(
      async (commandDone) => {
        for (let n = 0; n < 5; n += 1) {
          await store.appendToStream(`Group-${String(n)}`, [testEvent('A')]);
          await commandDone();
          seen.push(await committedCount(schema));
        }
      },
      { commandsPerCommit: 2 },
    );
    expect(seen).toEqual([0, 2, 2, 4, 4]);
    expect(await committedCount(schema)).toBe(5);
  });

  it('checks each append against its expected revision, seeing the group’s own appends', async () => {
    const { store } = await openStore();
    const outcomes = await store.groupCommit(async () => {
      const first = await store.appendToStream('Group-a', [testEvent('A')], {
        expectedRevision: NO_STREAM,
      });
      const stale = await store.appendToStream('Group-a', [testEvent('B')], {
        expectedRevision: NO_STREAM,
      });
      const read = await collect(store.readStream('Group-a'));
      const next = await store.appendToStream('Group-a', [testEvent('C')], {
        expectedRevision: await store.streamRevision('Group-a'),
      });
      return [...[first, stale, next].map(E.isRight), read.length];
    });
    expect(outcomes).toEqual([true, false, true, 1]);
    const events = await collect(store.readStream('Group-a'));
    expect(events.map((event) => event.type)).toEqual(['A', 'C']);
  });

  it('writes a command id once, even when it is sent twice in the same group', async () => {
    const { store } = await openStore();
    const [first, again] = await store.groupCommit(async () => [
      await store.appendToStream('Group-d', [testEvent('A')], { commandId: 'command-1' }),
      await store.appendToStream('Group-d', [testEvent('A')], { commandId: 'command-1' }),
    ]);
    expect(E.isRight(first) && !first.right.duplicate).toBe(true);
    expect(E.isRight(again) && again.right.duplicate).toBe(true);
    expect(await collect(store.readStream('Group-d'))).toHaveLength(1);
  });

  it('rolls back the commands not yet committed when the work fails, and keeps the others', async () => {
    const { store } = await openStore();
    const failing = store.groupCommit(
      async (commandDone) => {
        for (let n = 0; n < 3; n += 1) {
          await store.appendToStream('Group-f', [testEvent('A')]);
          await commandDone();
        }
        throw new Error('disk on fire');
      },
      { commandsPerCommit: 2 },
    );
    await expect(failing).rejects.toThrow('disk on fire');
    expect(await collect(store.readStream('Group-f'))).toHaveLength(2);
    // The store works on after the failed group: its connection went back to the pool.
    expect(E.isRight(await store.appendToStream('Group-f', [testEvent('B')]))).toBe(true);
  });

  it('keeps the global log to committed commands while a group is open', async () => {
    const { store } = await openStore();
    const seen = await store.groupCommit(
      async (commandDone) => {
        await store.appendToStream('Group-g', [testEvent('A'), testEvent('B')]);
        await commandDone();
        await store.appendToStream('Group-g', [testEvent('C')]);
        return (await collect(store.readAll())).length;
      },
      { commandsPerCommit: 1 },
    );
    expect(seen).toBe(2);
    expect(await collect(store.readAll())).toHaveLength(3);
  });

  it('refuses to open a group inside another', async () => {
    const { store } = await openStore();
    const nested = store.groupCommit(() => store.groupCommit(async () => 'inner'));
    await expect(nested).rejects.toThrow('groups do not nest');
  });
});
