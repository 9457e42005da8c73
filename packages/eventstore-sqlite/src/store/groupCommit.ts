import type { Database } from 'better-sqlite3';
import { retryWhileBusy } from './busyRetry.js';

/** Commands per transaction when the caller does not say: large enough to amortize a commit. */
export const DEFAULT_COMMANDS_PER_COMMIT = 500;

/** Options of a SQLite group commit. */
export interface SqliteGroupCommitOptions {
  /** How many commands each transaction holds; defaults to {@link DEFAULT_COMMANDS_PER_COMMIT}. */
  readonly commandsPerCommit?: number;
}

/** A connection's group commit, and whether one is open (appends then defer their wake-up). */
export interface SqliteGroupCommit {
  run<T>(
    work: (commandDone: () => Promise<void>) => Promise<T>,
    options?: SqliteGroupCommitOptions,
  ): Promise<T>;
  isOpen(): boolean;
}

/**
 * Group commit on one better-sqlite3 connection. The group holds a `BEGIN IMMEDIATE` transaction,
 * so the write lock is taken once and no other process can write between a command's read and its
 * append; each append's own transaction nests inside it as a savepoint (better-sqlite3 does that
 * for a transaction function called inside a transaction), so its checks and rows stay all or
 * nothing. `afterCommit` runs after each commit (it wakes the live subscriptions, which must not
 * see rows a rollback could still take back).
 */
export const createSqliteGroupCommit = (
  db: Database,
  afterCommit: () => void,
): SqliteGroupCommit => {
  let open = false;
  // Read through a call: TypeScript would otherwise keep the narrowing of the check at the start.
  const inTransaction = (): boolean => db.inTransaction;
  const begin = () => retryWhileBusy(() => db.exec('BEGIN IMMEDIATE'));
  const commit = async () => {
    await retryWhileBusy(() => db.exec('COMMIT'));
    afterCommit();
  };
  const run: SqliteGroupCommit['run'] = async (work, options = {}) => {
    const size = options.commandsPerCommit ?? DEFAULT_COMMANDS_PER_COMMIT;
    if (!Number.isInteger(size) || size < 1)
      throw new RangeError(`commandsPerCommit must be a positive integer, not ${String(size)}`);
    if (open || inTransaction())
      throw new Error('a transaction is already open on this connection; groups do not nest');
    await begin();
    open = true;
    let sinceCommit = 0;
    const commandDone = async (): Promise<void> => {
      sinceCommit += 1;
      if (sinceCommit < size) return;
      sinceCommit = 0;
      await commit();
      await begin();
    };
    try {
      const result = await work(commandDone);
      await commit();
      return result;
    } catch (error) {
      if (inTransaction()) db.exec('ROLLBACK');
      throw error;
    } finally {
      open = false;
    }
  };
  return { run, isOpen: () => open };
};
