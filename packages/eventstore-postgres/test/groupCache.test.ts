import * as E from 'fp-ts/lib/Either.js';
import pg from 'pg';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PostgresEventStore } from '@clientele/eventstore-postgres';
import { createPostgresEventStore } from '@clientele/eventstore-postgres';
import { NO_STREAM } from '@clientele/eventstore';
import { collect, testEvent } from '@clientele/eventstore/testing';
import { connectionString, usePostgres } from '../../../test/support/postgres.js';

const { available, throwawaySchema, closeAfterTest } = await usePostgres();

/** Two stores on one schema, as two processes would have: each with its own pool. */
const openStores = async (): Promise<[PostgresEventStore, PostgresEventStore]> => {
  const schema = throwawaySchema();
  const group = closeAfterTest(createPostgresEventStore({ connectionString, schema }));
  const other = closeAfterTest(createPostgresEventStore({ connectionString, schema }));
  await group.headPosition();
  await other.headPosition();
  return [group, other];
};

/** Counts the statements sent to the server from now on, on any connection. */
const countQueries = () => vi.spyOn(pg.Client.prototype, 'query');

afterEach(() => {
  vi.restoreAllMocks();
});

describe.runIf(available)('PostgreSQL group commit cache', () => {
  it('serves a stream the group read or wrote, as the server returns it after the commit', async () => {
    const [store] = await openStores();
    await store.appendToStream('Cache-a', [testEvent('A', { n: 1n, nested: { list: [1, 2] } })]);
    const inGroup = await store.groupCommit(async () => {
      await collect(store.readStream('Cache-a'));
      await store.appendToStream('Cache-a', [testEvent('B', { when: 'now' })], {
        expectedRevision: 0n,
      });
      const queries = countQueries();
      const forwards = await collect(store.readStream('Cache-a'));
      const last = await collect(
        store.readStream('Cache-a', { direction: 'backwards', maxCount: 1 }),
      );
      const revision = await store.streamRevision('Cache-a');
      return { forwards, last, revision, queries: queries.mock.calls.length };
    });
    expect(inGroup.queries).toBe(0);
    expect(inGroup.revision).toBe(1n);
    const fromServer = await collect(store.readStream('Cache-a'));
    expect(inGroup.forwards).toEqual(fromServer);
    expect(inGroup.last).toEqual([fromServer[1]]);
  });

  it('forgets a stream another process wrote during the group, at the conflict', async () => {
    const [store, other] = await openStores();
    await store.appendToStream('Cache-b', [testEvent('A')]);
    const seen = await store.groupCommit(async () => {
      const before = await collect(store.readStream('Cache-b'));
      await other.appendToStream('Cache-b', [testEvent('Other')], { expectedRevision: 0n });
      const stale = await store.appendToStream('Cache-b', [testEvent('B')], {
        expectedRevision: 0n,
      });
      const after = await collect(store.readStream('Cache-b'));
      const retried = await store.appendToStream('Cache-b', [testEvent('B')], {
        expectedRevision: await store.streamRevision('Cache-b'),
      });
      return { before: before.length, stale, after: after.map((event) => event.type), retried };
    });
    expect(seen.before).toBe(1);
    expect(E.isLeft(seen.stale)).toBe(true);
    expect(seen.after).toEqual(['A', 'Other']);
    expect(E.isRight(seen.retried)).toBe(true);
    const types = (await collect(store.readStream('Cache-b'))).map((event) => event.type);
    expect(types).toEqual(['A', 'Other', 'B']);
  });

  it('answers a command id repeated in one group from what the group recorded', async () => {
    const [store] = await openStores();
    const seen = await store.groupCommit(async () => {
      expect(await store.findCommandResult('command-1')).toBeUndefined();
      const first = await store.appendToStream('Cache-c', [testEvent('A')], {
        commandId: 'command-1',
      });
      const queries = countQueries();
      const found = await store.findCommandResult('command-1');
      const lookUps = queries.mock.calls.length;
      const again = await store.appendToStream('Cache-c', [testEvent('A')], {
        commandId: 'command-1',
      });
      return { first, found, lookUps, again };
    });
    expect(seen.lookUps).toBe(0);
    expect(E.isRight(seen.first) && !seen.first.right.duplicate).toBe(true);
    expect(E.isRight(seen.again) && seen.again.right.duplicate).toBe(true);
    expect(seen.found).toEqual(await store.findCommandResult('command-1'));
    expect(await collect(store.readStream('Cache-c'))).toHaveLength(1);
  });

  it('still writes a command id once when another process recorded it after the group looked', async () => {
    const [store, other] = await openStores();
    const appended = await store.groupCommit(async () => {
      expect(await store.findCommandResult('command-2')).toBeUndefined();
      await other.appendToStream('Cache-d', [testEvent('Other')], { commandId: 'command-2' });
      return store.appendToStream('Cache-d', [testEvent('A')], { commandId: 'command-2' });
    });
    expect(E.isRight(appended) && appended.right.duplicate).toBe(true);
    expect(await collect(store.readStream('Cache-d'))).toHaveLength(1);
  });

  it('answers "not recorded" without a round trip while the commands table holds only its ids', async () => {
    const [store] = await openStores();
    const lookUps = await store.groupCommit(
      async (commandDone) => {
        await store.appendToStream('Cache-f', [testEvent('A')], { commandId: 'command-4' });
        await commandDone();
        const queries = countQueries();
        await store.findCommandResult('command-5');
        return queries.mock.calls.length;
      },
      { commandsPerCommit: 1 },
    );
    expect(lookUps).toBe(0);
  });

  it('asks the server again once a commit finds another writer’s command ids', async () => {
    const [store, other] = await openStores();
    const seen = await store.groupCommit(
      async (commandDone) => {
        const before = await store.findCommandResult('command-6');
        await other.appendToStream('Cache-g', [testEvent('Other')], { commandId: 'command-6' });
        await store.appendToStream('Cache-h', [testEvent('A')], { commandId: 'command-7' });
        await commandDone();
        return { before, after: await store.findCommandResult('command-6') };
      },
      { commandsPerCommit: 1 },
    );
    expect(seen.before).toBeUndefined();
    expect(seen.after?.streamName).toBe('Cache-g');
  });

  it('reads no stream it never wrote while the log holds only its events, until another writer’s show up', async () => {
    const [store, other] = await openStores();
    const seen = await store.groupCommit(
      async (commandDone) => {
        await store.appendToStream('Cache-i', [testEvent('A')]);
        await commandDone();
        const queries = countQueries();
        const inferred = await collect(store.readStream('Cache-j'));
        const revision = await store.streamRevision('Cache-j');
        const reads = queries.mock.calls.length;
        queries.mockRestore();
        await other.appendToStream('Cache-j', [testEvent('Other')]);
        await store.appendToStream('Cache-k', [testEvent('B')]);
        await commandDone();
        const after = await collect(store.readStream('Cache-j'));
        return { inferred: inferred.length, revision, reads, after: after.length };
      },
      { commandsPerCommit: 1 },
    );
    expect(seen).toEqual({ inferred: 0, revision: NO_STREAM, reads: 0, after: 1 });
  });

  it('clears what it cached when the group rolls back', async () => {
    const [store] = await openStores();
    const failing = store.groupCommit(async () => {
      await store.appendToStream('Cache-e', [testEvent('A')], {
        expectedRevision: NO_STREAM,
        commandId: 'command-3',
      });
      expect(await collect(store.readStream('Cache-e'))).toHaveLength(1);
      throw new Error('disk on fire');
    });
    await expect(failing).rejects.toThrow('disk on fire');
    const seen = await store.groupCommit(async () => ({
      events: await collect(store.readStream('Cache-e')),
      revision: await store.streamRevision('Cache-e'),
      command: await store.findCommandResult('command-3'),
    }));
    expect(seen).toEqual({ events: [], revision: NO_STREAM, command: undefined });
  });
});
