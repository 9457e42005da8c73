import type { Database } from 'better-sqlite3';
import type { Fence, LeaseStore } from '@clientele/eventstore';
import { FencedOutError } from '@clientele/eventstore';
import { retryWhileBusy } from '../store/busyRetry.js';

/**
 * Creates a lease table if missing: the event store's `leases` and a read-model store's
 * `projection_leases` are the same table under two names, read by {@link createSqliteLeaseRows}.
 */
export const createLeaseTableSql = (table: string): string =>
  `CREATE TABLE IF NOT EXISTS ${table} (
    name       TEXT    PRIMARY KEY,
    holder     TEXT    NOT NULL,
    token      INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
  ) WITHOUT ROWID`;

/** A lease table's statements, with the fence check a guarded write runs in its transaction. */
export interface SqliteLeaseRows extends LeaseStore {
  /**
   * Throws `FencedOutError` unless `fence` is the lease's current token; call it inside the
   * write's transaction, which SQLite's single writer makes atomic with the write.
   */
  check(fence: Fence): void;
}

/**
 * The lease statements over one table of `(name TEXT PRIMARY KEY, holder TEXT, token INTEGER,
 * expires_at INTEGER)`. The event store keeps reactor leases in `leases`; a read-model store
 * keeps build leases in `projection_leases`, beside its checkpoints: the same rows, the same
 * statements. Expiry is in milliseconds of the processes' shared clock, since every process of
 * one SQLite file runs on one machine. Taking a lease is one upsert in a `BEGIN IMMEDIATE`
 * transaction that succeeds only when the lease is free, expired or already this holder's; a
 * change of holder increments the token. The table must exist.
 */
export const createSqliteLeaseRows = (db: Database, table: string): SqliteLeaseRows => {
  const take = db.prepare(
    `INSERT INTO ${table} AS lease (name, holder, token, expires_at)
     VALUES (@name, @holder, 1, @expiresAt)
     ON CONFLICT (name) DO UPDATE SET
       token = CASE WHEN lease.holder = excluded.holder THEN lease.token ELSE lease.token + 1 END,
       holder = excluded.holder,
       expires_at = excluded.expires_at
     WHERE lease.holder = excluded.holder OR lease.expires_at <= @now
     RETURNING token`,
  );
  const expire = db.prepare(
    `UPDATE ${table} SET expires_at = 0 WHERE name = ? AND holder = ? AND token = ?`,
  );
  const current = db.prepare(`SELECT 1 FROM ${table} WHERE name = ? AND token = ?`);
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
