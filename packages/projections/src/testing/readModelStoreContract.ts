import { FencedOutError, position } from '@clientele/eventstore';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ReadModelStore } from '../store/readModelStore.js';

const doc = (key: string, value: number, at: bigint) => ({
  key,
  doc: { value, nested: { list: [value, 'x'], flag: true, none: null } },
  lastPosition: position(at),
});

const collect = async <T>(items: AsyncIterable<T>): Promise<T[]> => {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
};

/**
 * The behaviour every read-model store must have, run unchanged on memory, SQLite and PostgreSQL.
 * `open` gives a fresh, empty store each time.
 */
export const describeReadModelStoreContract = (
  engine: string,
  open: () => Promise<ReadModelStore>,
): void => {
  describe(`read-model store contract: ${engine}`, () => {
    let store: ReadModelStore;
    const build = { name: 'balances', build: '1.1' };
    beforeEach(async () => {
      store = await open();
      await store.createBuild(build);
    });
    afterEach(async () => {
      await store.close();
    });

    it('starts a build with no checkpoint and no documents', async () => {
      expect(await store.builds('balances')).toEqual([{ ...build, checkpoint: undefined }]);
      expect(await store.loadDocuments(build, ['a'])).toEqual(new Map());
      expect(await store.activeBuild('balances')).toBeUndefined();
    });

    it('commits documents and checkpoints together and reads them back exactly', async () => {
      await store.commit({
        documents: [
          { ...build, document: doc('a', 1, 3n) },
          { ...build, document: doc('b', 2, 4n) },
        ],
        checkpoints: [{ ...build, position: position(4n) }],
      });
      expect(await store.builds('balances')).toEqual([{ ...build, checkpoint: position(4n) }]);
      const loaded = await store.loadDocuments(build, ['a', 'b', 'missing']);
      expect([...loaded.values()]).toEqual([doc('a', 1, 3n), doc('b', 2, 4n)]);
      expect(await store.getDocument(build, 'b')).toEqual(doc('b', 2, 4n));
    });

    it('replaces a document committed again', async () => {
      await store.commit({ documents: [{ ...build, document: doc('a', 1, 1n) }], checkpoints: [] });
      await store.commit({ documents: [{ ...build, document: doc('a', 7, 9n) }], checkpoints: [] });
      expect(await store.getDocument(build, 'a')).toEqual(doc('a', 7, 9n));
    });

    it('lists documents in key order, optionally by key prefix', async () => {
      const keys = ['customer:b', 'invoice:1', 'customer:a', 'customer:c'];
      await store.commit({
        documents: keys.map((k, i) => ({ ...build, document: doc(k, i, 1n) })),
        checkpoints: [],
      });
      const all = await collect(store.documents(build));
      expect(all.map((d) => d.key)).toEqual([
        'customer:a',
        'customer:b',
        'customer:c',
        'invoice:1',
      ]);
      const customers = await collect(store.documents(build, { keyPrefix: 'customer:' }));
      expect(customers.map((d) => d.key)).toEqual(['customer:a', 'customer:b', 'customer:c']);
    });

    it('loads many keys at once', async () => {
      const keys = Array.from({ length: 2500 }, (_, i) => `k${i}`);
      await store.commit({
        documents: keys.map((k, i) => ({ ...build, document: doc(k, i, 1n) })),
        checkpoints: [],
      });
      expect((await store.loadDocuments(build, keys)).size).toBe(2500);
    });

    it('keeps builds apart, and activating one drops the others', async () => {
      const next = { name: 'balances', build: '1.2' };
      await store.createBuild(next);
      await store.commit({
        documents: [
          { ...build, document: doc('a', 1, 1n) },
          { ...next, document: doc('a', 2, 1n) },
        ],
        checkpoints: [{ ...next, position: position(1n) }],
      });
      expect((await store.getDocument(build, 'a'))?.doc).toEqual(doc('a', 1, 1n).doc);
      await store.activate(build);
      expect(await store.activeBuild('balances')).toBe('1.1');
      await store.createBuild(next);
      await store.commit({ documents: [{ ...next, document: doc('a', 2, 1n) }], checkpoints: [] });
      await store.activate(next);
      expect(await store.activeBuild('balances')).toBe('1.2');
      expect((await store.builds('balances')).map((b) => b.build)).toEqual(['1.2']);
      expect((await store.getDocument(next, 'a'))?.doc).toEqual(doc('a', 2, 1n).doc);
    });

    it('drops a build that is not active, and refuses to drop the active one', async () => {
      const next = { name: 'balances', build: '2.2' };
      await store.createBuild(next);
      await store.commit({ documents: [{ ...next, document: doc('a', 2, 1n) }], checkpoints: [] });
      await store.dropBuild(next);
      expect((await store.builds('balances')).map((b) => b.build)).toEqual(['1.1']);
      await store.activate(build);
      await expect(store.dropBuild(build)).rejects.toThrow(/active/);
    });

    it('writes nothing of a batch aimed at a build that does not exist', async () => {
      const ghost = { name: 'balances', build: '9.9' };
      await expect(
        store.commit({
          documents: [
            { ...build, document: doc('a', 1, 1n) },
            { ...ghost, document: doc('b', 1, 1n) },
          ],
          checkpoints: [{ ...ghost, position: position(1n) }],
        }),
      ).rejects.toThrow();
      expect(await store.getDocument(build, 'a')).toBeUndefined();
    });

    it('writes nothing of a batch whose starting checkpoint another runner moved', async () => {
      await store.commit({ documents: [], checkpoints: [{ ...build, position: position(5n) }] });
      await expect(
        store.commit({
          documents: [{ ...build, document: doc('a', 1, 3n) }],
          checkpoints: [{ ...build, position: position(3n), guard: { expected: position(2n) } }],
        }),
      ).rejects.toThrow(FencedOutError);
      expect(await store.getDocument(build, 'a')).toBeUndefined();
      expect(await store.builds('balances')).toEqual([{ ...build, checkpoint: position(5n) }]);
    });

    it('writes nothing of a batch stamped with a lease token that is no longer current', async () => {
      const lease = 'projection:balances/1.1';
      const stale = (await store.leases.acquire(lease, 'stale', 1))!;
      await new Promise((resolve) => setTimeout(resolve, 20));
      const fresh = (await store.leases.acquire(lease, 'standby', 60_000))!;
      expect(fresh.token).toBeGreaterThan(stale.token);
      const batch = (token: bigint) => ({
        documents: [{ ...build, document: doc('a', 1, 3n) }],
        checkpoints: [
          {
            ...build,
            position: position(3n),
            guard: { expected: undefined, fence: { lease, token } },
          },
        ],
      });
      await expect(store.commit(batch(stale.token))).rejects.toThrow(FencedOutError);
      expect(await store.getDocument(build, 'a')).toBeUndefined();
      await store.commit(batch(fresh.token));
      expect(await store.builds('balances')).toEqual([{ ...build, checkpoint: position(3n) }]);
    });
  });
};
