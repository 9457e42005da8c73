import type { Database } from 'better-sqlite3';
import type { Fence, LeaseStore } from '@clientele/eventstore';
import { FencedOutError } from '@clientele/eventstore';
import { retryWhileBusy } from '@clientele/eventstore';

/**
 * Leases of projection builds in the file's `projection_leases` table. Expiry is in milliseconds
 * of the shared clock: every process of one SQLite file runs on one machine.
 */
export const createSqliteProjectionLeases = (
  db: Database,
): LeaseStore & {
  /** Throws `FencedOutError` unless `fence` is current; call it inside the commit's transaction. */
  check(fence: Fence): void;
} => {
  const take = db.prepare(
    `INSERT INTO projection_leases AS lease (name, holder, token, expires_at)
     VALUES (@name, @holder, 1, @expiresAt)
     ON CONFLICT (name) DO UPDATE SET
       token = CASE WHEN lease.holder = excluded.holder THEN lease.token ELSE lease.token + 1 END,
       holder = excluded.holder,
       expires_at = excluded.expires_at
     WHERE lease.holder = excluded.holder OR lease.expires_at <= @now
     RETURNING token`,
  );
  const expire = db.prepare(
    'UPDATE projection_leases SET expires_at = 0 WHERE name = ? AND holder = ? AND token = ?',
  );
  const current = db.prepare('SELECT 1 FROM projection_leases WHERE name = ? AND token = ?');
  return {
    acquire: (name, holder, ttlMs) =>
      retryWhileBusy(() =>
        db
          .transaction(() => {
            const now = Date.now();
            const row = take.get({ name, holder, expiresAt: now + ttlMs, now }) as
              { token: number | bigint } | undefined;
            return row === undefined ? undefined : { name, holder, token: BigInt(row.token) };
          })
          .immediate(),
      ),
    release: async (lease) => {
      await retryWhileBusy(() => expire.run(lease.name, lease.holder, lease.token));
    },
    check: (fence) => {
      if (current.get(fence.lease, fence.token) === undefined) {
        throw new FencedOutError(`lease ${fence.lease} was taken by another runner`);
      }
    },
  };
};
