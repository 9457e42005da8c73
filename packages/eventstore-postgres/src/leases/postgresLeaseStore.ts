import type pg from 'pg';
import type { LeaseStore } from '@clientele/eventstore';
import { onceReady } from '../connection/onceReady.js';
import { migrateSchema } from '../schema/migrateSchema.js';
import { quoteSchemaName } from '../schema/schemaName.js';
import { createLeaseTableSql, createPostgresLeaseRows } from './leaseRows.js';

/** Options of {@link createPostgresLeaseStore}. */
export interface PostgresLeaseStoreOptions {
  readonly pool: pg.Pool;
  /** The event store's schema: leases live in its `leases` table, beside the checkpoints. */
  readonly schema: string;
}

/**
 * Creates the `leases` table if missing. It is created on first use rather than by a migration,
 * so a store written before leases existed needs no upgrade step, only this idempotent statement.
 */
export const ensureLeaseTable = async (pool: pg.Pool, schema: string): Promise<string> => {
  await migrateSchema(pool, schema);
  const table = `${quoteSchemaName(schema)}.leases`;
  await pool.query(createLeaseTableSql(table));
  return table;
};

/**
 * Reactor leases in PostgreSQL: one row per lease with its holder, fencing token and expiry in
 * the event store's schema (see {@link createPostgresLeaseRows} for the statements).
 */
export const createPostgresLeaseStore = (options: PostgresLeaseStoreOptions): LeaseStore => {
  const { pool, schema } = options;
  const ready = onceReady(() => ensureLeaseTable(pool, schema));
  return createPostgresLeaseRows(
    async <R extends pg.QueryResultRow>(text: string, values: unknown[]) => {
      await ready();
      return (await pool.query<R>(text, values)).rows;
    },
    `${quoteSchemaName(schema)}.leases`,
  );
};
