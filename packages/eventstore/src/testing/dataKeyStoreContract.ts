import { describe, expect, it } from 'vitest';
import type { DataKeyStore } from '../privacy/dataKeyStore.js';

/** A fresh, empty key store for one test, and how to remove it. */
export interface DataKeyStoreUnderTest {
  readonly keys: DataKeyStore;
  /**
   * A second key store over the same storage, as after a restart. Absent when nothing outlives
   * the instance (the in-memory store): the durability test is then skipped and says so.
   */
  readonly reopen?: () => Promise<DataKeyStore>;
  /** Closes connections and removes the storage (file, schema). */
  readonly dispose: () => Promise<void>;
}

/** Opens a fresh, empty key store. */
export type OpenDataKeyStore = () => Promise<DataKeyStoreUnderTest>;

const withKeys = async (
  open: OpenDataKeyStore,
  test: (opened: DataKeyStoreUnderTest) => Promise<void>,
): Promise<void> => {
  const opened = await open();
  try {
    await test(opened);
  } finally {
    await opened.dispose();
  }
};

const bytesOf = (key: Uint8Array | undefined): number[] | undefined =>
  key === undefined ? undefined : [...key];

/**
 * Registers the contract every `DataKeyStore` passes (in memory, SQLite, PostgreSQL, or a KMS
 * adapter of the user's): one 32-byte key per subject, created on first use and stable after;
 * keys found by id; forgetting destroys them for good and is remembered.
 */
export const describeDataKeyStoreContract = (name: string, open: OpenDataKeyStore): void => {
  describe(`${name}: data key store contract`, () => {
    it('creates a 32-byte key on first use and returns the same key afterwards', () =>
      withKeys(open, async ({ keys }) => {
        const first = await keys.keyForSubject('person-ada');
        const again = await keys.keyForSubject('person-ada');
        expect(first?.key).toHaveLength(32);
        expect(again?.keyId).toBe(first?.keyId);
        expect(bytesOf(again?.key)).toEqual(bytesOf(first?.key));
      }));

    it('gives each subject a key of its own', () =>
      withKeys(open, async ({ keys }) => {
        const ada = await keys.keyForSubject('person-ada');
        const grace = await keys.keyForSubject('person-grace');
        expect(grace?.keyId).not.toBe(ada?.keyId);
        expect(bytesOf(grace?.key)).not.toEqual(bytesOf(ada?.key));
      }));

    it('agrees on one key when a subject’s first uses come at once', () =>
      withKeys(open, async ({ keys }) => {
        const created = await Promise.all(
          Array.from({ length: 8 }, () => keys.keyForSubject('person-ada')),
        );
        expect(new Set(created.map((key) => key?.keyId)).size).toBe(1);
      }));

    it('finds a key by its id, and nothing for an id it never issued', () =>
      withKeys(open, async ({ keys }) => {
        const ada = await keys.keyForSubject('person-ada');
        expect(bytesOf(await keys.keyById(ada?.keyId ?? ''))).toEqual(bytesOf(ada?.key));
        expect(await keys.keyById('00000000-0000-4000-8000-000000000000')).toBeUndefined();
      }));

    it('destroys a forgotten subject’s key for good and leaves other subjects alone', () =>
      withKeys(open, async ({ keys }) => {
        const ada = await keys.keyForSubject('person-ada');
        const grace = await keys.keyForSubject('person-grace');
        expect(await keys.isForgotten('person-ada')).toBe(false);
        await keys.forgetSubject('person-ada');
        expect(await keys.isForgotten('person-ada')).toBe(true);
        expect(await keys.keyById(ada?.keyId ?? '')).toBeUndefined();
        expect(await keys.keyForSubject('person-ada')).toBeUndefined();
        expect(await keys.isForgotten('person-grace')).toBe(false);
        expect(bytesOf(await keys.keyById(grace?.keyId ?? ''))).toEqual(bytesOf(grace?.key));
      }));

    it('never creates a key for a subject forgotten before their first use', () =>
      withKeys(open, async ({ keys }) => {
        await keys.forgetSubject('person-ada');
        await keys.forgetSubject('person-ada');
        expect(await keys.isForgotten('person-ada')).toBe(true);
        expect(await keys.keyForSubject('person-ada')).toBeUndefined();
      }));

    it('keeps keys and forgotten subjects for the next instance over the same storage', (context) =>
      withKeys(open, async ({ keys, reopen }) => {
        if (reopen === undefined) {
          context.skip(`${name} keeps nothing beyond the instance, so there is nothing to reopen`);
          return;
        }
        const ada = await keys.keyForSubject('person-ada');
        await keys.keyForSubject('person-grace');
        await keys.forgetSubject('person-grace');
        const again = await reopen();
        expect((await again.keyForSubject('person-ada'))?.keyId).toBe(ada?.keyId);
        expect(bytesOf(await again.keyById(ada?.keyId ?? ''))).toEqual(bytesOf(ada?.key));
        expect(await again.isForgotten('person-grace')).toBe(true);
        expect(await again.keyForSubject('person-grace')).toBeUndefined();
      }));
  });
};
