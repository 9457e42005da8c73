import { randomBytes, randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { DataKey } from '@clientele/eventstore';

const ignore = (): void => undefined;

/** The key row a creation returns. */
interface KeyRow {
  readonly key_id: string;
  readonly key: Buffer;
}

/**
 * Creates a subject's key in one round trip, under the subject's advisory lock: the insert
 * happens unless the subject was forgotten or holds a key already, which a first use that held
 * the lock before has committed. The simple query protocol takes the transaction, the lock and
 * the insert at once but no parameters, so the values go as escaped literals. Resolves to the new
 * key, or undefined when nothing was inserted (forgotten, or a key is there to read).
 */
export const createDataKey = async (
  pool: pg.Pool,
  quotedSchema: string,
  lockName: string,
  subjectId: string,
): Promise<DataKey | undefined> => {
  const client = await pool.connect();
  client.on('error', ignore);
  let broken: unknown;
  try {
    const subject = client.escapeLiteral(subjectId);
    const answer: unknown = await client.query(
      `BEGIN;
       SELECT pg_advisory_xact_lock(hashtext(${client.escapeLiteral(lockName)}));
       INSERT INTO ${quotedSchema}.data_keys (subject_id, key_id, key)
         SELECT ${subject}, ${client.escapeLiteral(randomUUID())},
           decode('${randomBytes(32).toString('hex')}', 'hex')
         WHERE NOT EXISTS (SELECT 1 FROM ${quotedSchema}.forgotten_subjects WHERE subject_id = ${subject})
         ON CONFLICT (subject_id) DO NOTHING
         RETURNING key_id, key;
       COMMIT`,
    );
    // One result per statement: the insert's is the third.
    const results = answer as readonly pg.QueryResult<KeyRow>[];
    const row = results[2]?.rows[0];
    return row === undefined ? undefined : { keyId: row.key_id, key: new Uint8Array(row.key) };
  } catch (error) {
    // The statements after a failing one did not run: the transaction is still open, aborted.
    await client.query('ROLLBACK').catch((lost: unknown) => (broken = lost));
    throw error;
  } finally {
    client.off('error', ignore);
    client.release(broken instanceof Error ? broken : undefined);
  }
};
