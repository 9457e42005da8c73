import { afterAll, describe, expect, it } from 'vitest';
import { FencedOutError, position } from '@clientele/eventstore';
import {
  createSqliteCheckpointStore,
  createSqliteEventStore,
  createSqliteLeaseStore,
} from '@clientele/eventstore-sqlite';
import { tempStoreFile } from './support/childScripts.js';

describe('SQLite leases and fenced checkpoints', () => {
  const { file, remove } = tempStoreFile();
  afterAll(remove);

  it('give a lease to one holder across connections, and to the next with a higher token once it expires', async () => {
    const [one, two] = [createSqliteEventStore({ file }), createSqliteEventStore({ file })];
    try {
      const [a, b] = [createSqliteLeaseStore(one), createSqliteLeaseStore(two)];
      expect((await a.acquire('mailer', 'a', 100))?.token).toBe(1n);
      expect(await b.acquire('mailer', 'b', 100)).toBeUndefined();
      expect((await a.acquire('mailer', 'a', 100))?.token).toBe(1n);
      await new Promise((resolve) => setTimeout(resolve, 120));
      expect((await b.acquire('mailer', 'b', 100))?.token).toBe(2n);
      const released = (await a.acquire('other', 'a', 60_000))!;
      await a.release(released);
      expect((await b.acquire('other', 'b', 60_000))?.token).toBe(2n);
    } finally {
      await one.close();
      await two.close();
    }
  });

  it('refuse a checkpoint save with a stale token or a moved checkpoint, writing nothing', async () => {
    const store = createSqliteEventStore({ file });
    try {
      const leases = createSqliteLeaseStore(store);
      const checkpoints = createSqliteCheckpointStore(store);
      const stale = (await leases.acquire('pipeline', 'a', 1))!;
      await new Promise((resolve) => setTimeout(resolve, 5));
      const fresh = (await leases.acquire('pipeline', 'b', 60_000))!;
      const fence = (token: bigint) => ({ lease: 'pipeline', token });
      await expect(
        checkpoints.save('pipeline', position(9n), {
          expected: undefined,
          fence: fence(stale.token),
        }),
      ).rejects.toThrow(FencedOutError);
      expect(await checkpoints.load('pipeline')).toBeUndefined();
      await checkpoints.save('pipeline', position(4n), {
        expected: undefined,
        fence: fence(fresh.token),
      });
      await expect(
        checkpoints.save('pipeline', position(2n), { expected: position(1n) }),
      ).rejects.toThrow(FencedOutError);
      expect(await checkpoints.load('pipeline')).toEqual(position(4n));
    } finally {
      await store.close();
    }
  });
});
