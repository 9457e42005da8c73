import type { Database } from 'better-sqlite3';
import type { EventStore } from '@clientele/eventstore';
import type { SqliteGroupCommitOptions } from './groupCommit.js';

/** Options of `createSqliteEventStore`. */
export interface SqliteEventStoreOptions {
  /** The store's file (created if missing), or `':memory:'` for a private in-memory database. */
  readonly file: string;
  /**
   * `normal` (default): WAL with `synchronous=NORMAL`. A committed append survives the process
   * being killed; a power loss or OS crash may lose the last transactions before a checkpoint, but
   * never corrupts the file or keeps half a batch. `full`: `synchronous=FULL`, every commit is
   * synced to disk before the append returns, at a cost in append rate.
   */
  readonly durability?: 'normal' | 'full';
  /**
   * How long a write waits inside SQLite for another connection's write lock before the store
   * retries it (with pauses, for up to a minute); defaults to 5,000 ms.
   */
  readonly busyTimeoutMs?: number | undefined;
  /** How long command ids are remembered for idempotency; defaults to 30 days. */
  readonly commandRetentionMs?: number;
  /** Rows read per page by reads and catch-up subscriptions; defaults to 1,000. */
  readonly pageSize?: number;
  /** How often a waiting subscription looks for appends by other processes; defaults to 25 ms. */
  readonly pollIntervalMs?: number;
  /** Stamps `recordedAt`; defaults to the system clock. */
  readonly now?: () => Date;
}

/** A SQLite event store, with its connection for stores that keep their tables in the same file. */
export interface SqliteEventStore extends EventStore {
  /**
   * The better-sqlite3 connection. Read models, key stores and checkpoints may create their own
   * tables in it (not named `events`, `streams`, `commands`, `checkpoints` or `snapshots`).
   */
  readonly database: Database;
  /**
   * Runs `work` synchronously inside a `BEGIN IMMEDIATE` transaction on the store's connection,
   * retrying while another process holds the write lock: what a projection uses to write its
   * documents and its checkpoint together. A throw rolls everything back.
   */
  writeTransaction<T>(work: (database: Database) => T): Promise<T>;
  /**
   * Group commit (see `GroupCommitter` in `@clientele/eventstore`): the appends made while `work`
   * runs share one `BEGIN IMMEDIATE` transaction, committed every `commandsPerCommit` commands
   * (default 500) at the `commandDone` calls and when `work` resolves; a rejection rolls back what
   * was not committed. The connection is the store's, so a write another caller in this process
   * makes meanwhile joins the group too: keep other writers off the store while a group is open.
   */
  groupCommit<T>(
    work: (commandDone: () => Promise<void>) => Promise<T>,
    options?: SqliteGroupCommitOptions,
  ): Promise<T>;
}
