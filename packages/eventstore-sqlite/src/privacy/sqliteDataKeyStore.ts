import { randomBytes, randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { DataKey, DataKeyStore } from '@clientele/eventstore';
import { retryWhileBusy } from '../store/index.js';

/** Options of {@link createSqliteDataKeyStore}. */
export interface SqliteDataKeyStoreOptions {
  /**
   * A connection to a Clientele store file (a `SqliteEventStore`'s `database`, or the store
   * itself): its migrations create the `data_keys` and `forgotten_subjects` tables.
   */
  readonly database: Database;
}

interface KeyRow {
  readonly key_id: string;
  readonly key: Buffer;
}

/**
 * Per-person data keys in a SQLite file, for crypto-shredding. Keep them in a file of their own
 * (a second store file) when the log's backups must not carry the keys; the store's own file
 * works too. `forgetSubject` deletes the key row with `secure_delete` on, so SQLite zeroes the
 * freed bytes; `purgeErasedData` then clears the older copies still in the WAL and free pages.
 */
export const createSqliteDataKeyStore = (options: SqliteDataKeyStoreOptions): DataKeyStore => {
  const db = options.database;
  // Zero deleted content on this connection, so a forgotten key is overwritten, not just unlinked.
  db.pragma('secure_delete = ON');
  const bySubject = db.prepare('SELECT key_id, key FROM data_keys WHERE subject_id = ?');
  const byId = db.prepare('SELECT key FROM data_keys WHERE key_id = ?').pluck();
  const forgotten = db.prepare('SELECT 1 FROM forgotten_subjects WHERE subject_id = ?').pluck();
  const insertKey = db.prepare(
    'INSERT INTO data_keys (subject_id, key_id, key, created_at) VALUES (?, ?, ?, ?)',
  );
  const deleteKeys = db.prepare('DELETE FROM data_keys WHERE subject_id = ?');
  const recordForgotten = db.prepare(
    'INSERT INTO forgotten_subjects (subject_id, forgotten_at) VALUES (?, ?) ON CONFLICT DO NOTHING',
  );
  const toKey = (row: KeyRow): DataKey => ({ keyId: row.key_id, key: new Uint8Array(row.key) });
  // Check and insert under one write lock, so a key is never created for a subject another
  // process is forgetting, and two processes asking at once agree on one key.
  const keyOrCreate = db.transaction((subjectId: string): DataKey | undefined => {
    if (forgotten.get(subjectId) !== undefined) return undefined;
    const existing = bySubject.get(subjectId) as KeyRow | undefined;
    if (existing !== undefined) return toKey(existing);
    const created = { key_id: randomUUID(), key: randomBytes(32) };
    insertKey.run(subjectId, created.key_id, created.key, new Date().toISOString());
    return toKey(created);
  });
  const forget = db.transaction((subjectId: string) => {
    recordForgotten.run(subjectId, new Date().toISOString());
    deleteKeys.run(subjectId);
  });
  return {
    keyForSubject: async (subjectId) => {
      const existing = bySubject.get(subjectId) as KeyRow | undefined;
      if (existing !== undefined) return toKey(existing);
      return retryWhileBusy(() => keyOrCreate.immediate(subjectId));
    },
    keyById: async (keyId) => {
      const key = byId.get(keyId) as Buffer | undefined;
      return key === undefined ? undefined : new Uint8Array(key);
    },
    forgetSubject: async (subjectId) => {
      await retryWhileBusy(() => {
        forget.immediate(subjectId);
      });
    },
    isForgotten: async (subjectId) => forgotten.get(subjectId) !== undefined,
  };
};
