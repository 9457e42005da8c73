import type pg from 'pg';
import type { Fence, LeaseStore } from '@clientele/eventstore';
import { FencedOutError } from '@clientele/eventstore';
import { migrateSchema } from '../schema/migrateSchema.js';
import { quoteSchemaName } from '../schema/schemaName.js';

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
  await pool.query(
    `create table if not exists ${table} (
       name text primary key,
       holder text not null,
       token bigint not null,
       expires_at timestamptz not null)`,
  );
  return table;
};

/**
 * Checks, inside the caller's transaction, that `fence` is still the lease's current token, and
 * holds a share lock on the lease row until the transaction ends: a takeover waits for the commit
 * and only then moves the token on. Throws `FencedOutError` (so the transaction rolls back).
 */
export const checkFence = async (
  client: pg.PoolClient,
  table: string,
  fence: Fence,
): Promise<void> => {
  const current = await client.query(
    `select 1 from ${table} where name = $1 and token = $2 for share`,
    [fence.lease, fence.token.toString()],
  );
  if (current.rowCount === 0) {
    throw new FencedOutError(`lease ${fence.lease} was taken by another runner`);
  }
};

/**
 * Leases in PostgreSQL: one row per lease with its holder, fencing token and expiry, judged by
 * the server's clock so app servers with skewed clocks agree. Taking a lease is one upsert that
 * succeeds only when the lease is free, expired or already this holder's.
 */
export const createPostgresLeaseStore = (options: PostgresLeaseStoreOptions): LeaseStore => {
  const { pool, schema } = options;
  let ready: Promise<string> | undefined;
  const table = () => (ready ??= ensureLeaseTable(pool, schema));
  return {
    acquire: async (name, holder, ttlMs) => {
      const t = await table();
      const { rows } = await pool.query<{ token: string }>(
        `insert into ${t} as lease (name, holder, token, expires_at)
         values ($1, $2, 1, clock_timestamp() + $3 * interval '1 millisecond')
         on conflict (name) do update set
           token = case when lease.holder = excluded.holder then lease.token else lease.token + 1 end,
           holder = excluded.holder,
           expires_at = excluded.expires_at
         where lease.holder = excluded.holder or lease.expires_at <= clock_timestamp()
         returning token::text`,
        [name, holder, ttlMs],
      );
      const row = rows[0];
      return row === undefined ? undefined : { name, holder, token: BigInt(row.token) };
    },
    release: async (lease) => {
      await pool.query(
        `update ${await table()} set expires_at = '-infinity'
         where name = $1 and holder = $2 and token = $3`,
        [lease.name, lease.holder, lease.token.toString()],
      );
    },
  };
};
