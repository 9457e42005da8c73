import type { Database } from 'better-sqlite3';
import type { LeaseStore } from '@clientele/eventstore';
import type { SqliteEventStore } from '../store/options.js';
import { createLeaseTableSql, createSqliteLeaseRows } from './leaseRows.js';

/**
 * The `leases` table, created on first use (idempotently) so a file written before leases
 * existed needs no schema upgrade.
 */
export const ensureLeaseTable = (db: Database): void => {
  db.exec(createLeaseTableSql('leases'));
};

/**
 * Reactor leases in the store's file, for several processes on one machine (see
 * {@link createSqliteLeaseRows} for the statements).
 */
export const createSqliteLeaseStore = (store: SqliteEventStore): LeaseStore => {
  ensureLeaseTable(store.database);
  const rows = createSqliteLeaseRows(store.database, 'leases');
  return {
    acquire: (name, holder, ttlMs) => rows.acquire(name, holder, ttlMs),
    release: (lease) => rows.release(lease),
  };
};
