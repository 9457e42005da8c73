import type pg from 'pg';
import type { Fence, LeaseStore } from '@clientele/eventstore';
import { FencedOutError } from '@clientele/eventstore';
import { unlessUnavailable } from '../connection/connectionLoss.js';

/** Runs one statement and resolves with its rows. */
export type LeaseQuery = <R extends pg.QueryResultRow>(
  text: string,
  values: unknown[],
) => Promise<R[]>;

/**
 * Creates a lease table if missing: the event store's `leases` and a read-model store's
 * `projection_leases` are the same table under two names, read by {@link createPostgresLeaseRows}.
 */
export const createLeaseTableSql = (table: string): string =>
  `create table if not exists ${table} (
     name       text        primary key,
     holder     text        not null,
     token      bigint      not null,
     expires_at timestamptz not null)`;

/**
 * The lease statements over one table of `(name text primary key, holder text, token bigint,
 * expires_at timestamptz)`, judged by the server's clock so app servers with skewed clocks agree.
 * The event store keeps reactor leases in its schema's `leases`; a read-model store keeps build
 * leases beside its checkpoints: the same rows, the same statements. Taking a lease is one upsert
 * that succeeds only when the lease is free, expired or already this holder's; a change of
 * holder increments the token. A server that cannot be reached fails with the retryable
 * `StoreUnavailableError`.
 */
export const createPostgresLeaseRows = (query: LeaseQuery, table: string): LeaseStore => ({
  acquire: (name, holder, ttlMs) =>
    unlessUnavailable(async () => {
      const rows = await query<{ token: string }>(
        `insert into ${table} as lease (name, holder, token, expires_at)
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
    }),
  release: (lease) =>
    unlessUnavailable(async () => {
      await query(
        `update ${table} set expires_at = '-infinity' where name = $1 and holder = $2 and token = $3`,
        [lease.name, lease.holder, lease.token.toString()],
      );
    }),
});

/**
 * Checks, inside the caller's transaction, that `fence` is still the lease's current token in
 * `table`, and holds a share lock on the lease row until the transaction ends: a takeover waits
 * for the commit and only then moves the token on. Throws `FencedOutError` (so the transaction
 * rolls back).
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
