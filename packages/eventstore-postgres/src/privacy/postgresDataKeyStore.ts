import { randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import type { DataKey, DataKeyStore } from '@clientele/eventstore';
import { inTransaction as inPoolTransaction } from '../connection/inTransaction.js';
import { migrateSchema } from '../schema/migrateSchema.js';
import { quoteSchemaName } from '../schema/schemaName.js';

/** Options of {@link createPostgresDataKeyStore}: a pool you own, or a connection string. */
export type PostgresDataKeyStoreOptions = (
  | { readonly pool: pg.Pool; readonly connectionString?: undefined }
  | { readonly connectionString: string; readonly pool?: undefined }
) & {
  /**
   * The schema holding the `data_keys` and `forgotten_subjects` tables, created and migrated on
   * first use. The event store's schema works; a schema of its own (or another database) keeps
   * the keys out of the log's backups.
   */
  readonly schema: string;
};

/** A PostgreSQL key store; `close` ends the pool only if the store created it. */
export interface PostgresDataKeyStore extends DataKeyStore {
  close(): Promise<void>;
}

interface KeyRow {
  readonly key_id: string;
  readonly key: Buffer;
}

const toKey = (row: KeyRow): DataKey => ({ keyId: row.key_id, key: new Uint8Array(row.key) });

/**
 * Per-person data keys in PostgreSQL, for crypto-shredding. Creating and forgetting a subject's
 * key take the same transaction-scoped advisory lock, so a key is never created for a subject
 * being forgotten and concurrent first uses agree on one key. After `forgetSubject`, run
 * `VACUUM FULL` on the `data_keys` table so the deleted row's bytes leave the table's files.
 */
export const createPostgresDataKeyStore = (
  options: PostgresDataKeyStoreOptions,
): PostgresDataKeyStore => {
  const { schema } = options;
  const quoted = quoteSchemaName(schema);
  const ownsPool = options.pool === undefined;
  const pool = options.pool ?? new pg.Pool({ connectionString: options.connectionString, max: 4 });
  // An idle connection the server drops must not crash the process; the next query reconnects.
  if (ownsPool) pool.on('error', () => undefined);
  let ready: Promise<unknown> | undefined;
  const migrated = (): Promise<unknown> =>
    (ready ??= migrateSchema(pool, schema).catch((error: unknown) => {
      ready = undefined;
      throw error;
    }));
  const subjectLock = 'select pg_advisory_xact_lock(hashtext($1))';
  const lockName = (subjectId: string) => `clientele:${schema}:data-key:${subjectId}`;
  const inTransaction = async <T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> => {
    await migrated();
    return inPoolTransaction(pool, work);
  };
  const selectKey = `select key_id, key from ${quoted}.data_keys where subject_id = $1`;
  const isForgotten = async (subjectId: string): Promise<boolean> => {
    await migrated();
    const { rowCount } = await pool.query(
      `select 1 from ${quoted}.forgotten_subjects where subject_id = $1`,
      [subjectId],
    );
    return (rowCount ?? 0) > 0;
  };
  return {
    keyForSubject: async (subjectId) => {
      await migrated();
      const existing = await pool.query<KeyRow>(selectKey, [subjectId]);
      if (existing.rows[0] !== undefined) return toKey(existing.rows[0]);
      return inTransaction(async (client) => {
        await client.query(subjectLock, [lockName(subjectId)]);
        // One statement under the lock creates the key unless the subject was forgotten or a
        // first use that held the lock before has committed one: a new person's key costs four
        // round trips (this, the lock, BEGIN and COMMIT) after the look-up above, not six.
        const created = await client.query<KeyRow>(
          `insert into ${quoted}.data_keys (subject_id, key_id, key)
             select $1, $2, $3 where not exists
               (select 1 from ${quoted}.forgotten_subjects where subject_id = $1)
             on conflict (subject_id) do nothing
             returning key_id, key`,
          [subjectId, randomUUID(), randomBytes(32)],
        );
        if (created.rows[0] !== undefined) return toKey(created.rows[0]);
        // Nothing written: the subject was forgotten (its keys are gone), or the key that the
        // earlier first use committed is there to read.
        const raced = await client.query<KeyRow>(selectKey, [subjectId]);
        return raced.rows[0] === undefined ? undefined : toKey(raced.rows[0]);
      });
    },
    keyById: async (keyId) => {
      await migrated();
      const { rows } = await pool.query<Pick<KeyRow, 'key'>>(
        `select key from ${quoted}.data_keys where key_id = $1`,
        [keyId],
      );
      return rows[0] === undefined ? undefined : new Uint8Array(rows[0].key);
    },
    forgetSubject: (subjectId) =>
      inTransaction(async (client) => {
        await client.query(subjectLock, [lockName(subjectId)]);
        await client.query(
          `insert into ${quoted}.forgotten_subjects (subject_id) values ($1) on conflict do nothing`,
          [subjectId],
        );
        await client.query(`delete from ${quoted}.data_keys where subject_id = $1`, [subjectId]);
      }),
    isForgotten,
    close: async () => {
      if (ownsPool) await pool.end();
    },
  };
};
