import type pg from 'pg';
import { migrateSchema } from '../schema/migrateSchema.js';
import { quoteSchemaName } from '../schema/schemaName.js';

/**
 * The purge step after forgetting a person on PostgreSQL: `VACUUM FULL` of `data_keys` and of
 * `snapshots` rewrites each table into new files without the deleted rows (the destroyed key; the
 * snapshots that held the person's decrypted values), and the old files are truncated when it
 * commits. A plain `VACUUM` compacts pages but does not zero the space it frees, so a deleted row
 * can stay in the page until a later one overwrites it. It takes an exclusive lock on each table
 * for its duration. Not reached: the server's WAL segments and archives, base backups and
 * replicas, which keep the bytes until they are recycled or expire.
 */
export const purgeErasedData = async (pool: pg.Pool, schema: string): Promise<void> => {
  await migrateSchema(pool, schema);
  await pool.query(`vacuum full ${quoteSchemaName(schema)}.data_keys`);
  await pool.query(`vacuum full ${quoteSchemaName(schema)}.snapshots`);
};
