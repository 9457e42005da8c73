import type { Database } from 'better-sqlite3';
import type { Fence, LeaseStore } from '@clientele/eventstore';
import { FencedOutError } from '@clientele/eventstore';
import type { SqliteEventStore } from '../options.js';

/**
 * The `leases` table, created on first use (idempotently) so a file written before leases
 * existed needs no schema upgrade. Expiry is in milliseconds of the processes' shared clock:
 * every process of one SQLite file runs on one machine.
 */
export const ensureLeaseTable = (db: Database): void => {
  db.exec(`CREATE TABLE IF NOT EXISTS leases (
    name       TEXT    PRIMARY KEY,
    holder     TEXT    NOT NULL,
    token      INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
  ) WITHOUT ROWID`);
};

/** Throws `FencedOutError` unless `fence` is the lease's current token; call it in the write transaction. */
export const checkFence = (db: Database, fence: Fence): void => {
  const current = db
    .prepare('SELECT 1 FROM leases WHERE name = ? AND token = ?')
    .get(fence.lease, fence.token);
  if (current === undefined) {
    throw new FencedOutError(`lease ${fence.lease} was taken by another runner`);
  }
};

/**
 * Leases in the store's file, for several processes on one machine. Taking a lease is one
 * upsert in a `BEGIN IMMEDIATE` transaction; a fenced write checks the token in its own
 * transaction, which SQLite's single writer makes atomic with the write.
 */
export const createSqliteLeaseStore = (store: SqliteEventStore): LeaseStore => {
  const db = store.database;
  ensureLeaseTable(db);
  const take = db.prepare(
    `INSERT INTO leases AS lease (name, holder, token, expires_at) VALUES (@name, @holder, 1, @expiresAt)
     ON CONFLICT (name) DO UPDATE SET
       token = CASE WHEN lease.holder = excluded.holder THEN lease.token ELSE lease.token + 1 END,
       holder = excluded.holder,
       expires_at = excluded.expires_at
     WHERE lease.holder = excluded.holder OR lease.expires_at <= @now
     RETURNING token`,
  );
  const expire = db.prepare(
    'UPDATE leases SET expires_at = 0 WHERE name = ? AND holder = ? AND token = ?',
  );
  return {
    acquire: (name, holder, ttlMs) =>
      store.writeTransaction(() => {
        const now = Date.now();
        const row = take.get({ name, holder, expiresAt: now + ttlMs, now }) as
          { token: number | bigint } | undefined;
        return row === undefined ? undefined : { name, holder, token: BigInt(row.token) };
      }),
    release: async (lease) => {
      await store.writeTransaction(() => expire.run(lease.name, lease.holder, lease.token));
    },
  };
};
