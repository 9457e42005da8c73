import type pg from 'pg';
import { migrations } from './migrations.js';
import { quoteSchemaName } from './schemaName.js';

/**
 * Creates the schema and applies the migrations it has not seen, in one transaction under an
 * advisory lock, so app servers starting together do not race. Safe to call on every start.
 */
export const migrateSchema = async (pool: pg.Pool, schema: string): Promise<number> => {
  const quoted = quoteSchemaName(schema);
  const client = await pool.connect();
  try {
    await client.query('begin');
    await client.query('select pg_advisory_xact_lock(hashtext($1))', [`clientele:${schema}`]);
    await client.query(`create schema if not exists ${quoted}`);
    await client.query(
      `create table if not exists ${quoted}.schema_migrations (
         version int primary key, applied_at timestamptz not null default now())`,
    );
    const applied = await client.query<{ version: number }>(
      `select coalesce(max(version), 0) as version from ${quoted}.schema_migrations`,
    );
    const from = applied.rows[0]?.version ?? 0;
    for (let version = from + 1; version <= migrations.length; version += 1) {
      await client.query((migrations[version - 1] ?? '').replaceAll('$S', quoted));
      await client.query(`insert into ${quoted}.schema_migrations (version) values ($1)`, [
        version,
      ]);
    }
    await client.query('commit');
    return migrations.length - from;
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
};
