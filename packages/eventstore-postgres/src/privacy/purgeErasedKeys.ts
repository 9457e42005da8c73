import type pg from 'pg';
import { quoteSchemaName } from '../schema/schemaName.js';

/**
 * The purge step after `forgetSubject` on a PostgreSQL key store: `VACUUM FULL` of `data_keys`
 * rewrites the table into new files without the deleted rows, and the old files are truncated
 * when it commits. A plain `VACUUM` compacts pages but does not zero the space it frees, so a
 * deleted key can stay in the page until a later row overwrites it. It takes an exclusive lock on the (small) key table for
 * its duration. Not reached: the server's WAL segments and archives, base backups and replicas,
 * which keep the key until they are recycled or expire.
 */
export const purgeErasedKeys = async (pool: pg.Pool, schema: string): Promise<void> => {
  await pool.query(`vacuum full ${quoteSchemaName(schema)}.data_keys`);
};
