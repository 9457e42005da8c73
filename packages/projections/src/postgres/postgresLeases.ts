import type pg from 'pg';
import type { Fence, LeaseStore } from '@clientele/eventstore';
import { FencedOutError } from '@clientele/eventstore';

/**
 * Leases of projection builds in the read-model schema's `projection_leases` table, judged by the
 * server's clock. A build's runner checks its fence in the transaction that commits its batch.
 */
export const createPostgresProjectionLeases = (
  query: <R extends pg.QueryResultRow>(text: string, values?: unknown[]) => Promise<R[]>,
  table: string,
): LeaseStore => ({
  acquire: async (name, holder, ttlMs) => {
    const rows = await query<{ token: string }>(
      `INSERT INTO ${table} AS lease (name, holder, token, expires_at)
       VALUES ($1, $2, 1, clock_timestamp() + $3 * interval '1 millisecond')
       ON CONFLICT (name) DO UPDATE SET
         token = CASE WHEN lease.holder = excluded.holder THEN lease.token ELSE lease.token + 1 END,
         holder = excluded.holder,
         expires_at = excluded.expires_at
       WHERE lease.holder = excluded.holder OR lease.expires_at <= clock_timestamp()
       RETURNING token::text`,
      [name, holder, ttlMs],
    );
    const row = rows[0];
    return row === undefined ? undefined : { name, holder, token: BigInt(row.token) };
  },
  release: async (lease) => {
    await query(
      `UPDATE ${table} SET expires_at = '-infinity' WHERE name = $1 AND holder = $2 AND token = $3`,
      [lease.name, lease.holder, lease.token.toString()],
    );
  },
});

/**
 * Inside a commit's transaction: throws `FencedOutError` unless `fence` is current, and keeps a
 * share lock on the lease row so a takeover waits for this commit before moving the token on.
 */
export const checkProjectionFence = async (
  client: pg.PoolClient,
  table: string,
  fence: Fence,
): Promise<void> => {
  const current = await client.query(
    `SELECT 1 FROM ${table} WHERE name = $1 AND token = $2 FOR SHARE`,
    [fence.lease, fence.token.toString()],
  );
  if (current.rowCount === 0) {
    throw new FencedOutError(`lease ${fence.lease} was taken by another runner`);
  }
};
