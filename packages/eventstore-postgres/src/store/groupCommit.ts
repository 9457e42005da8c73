import type pg from 'pg';
import { STALLED_TRANSACTION_TIMEOUT_MS } from '../connection/inTransaction.js';

/** Commands per transaction when the caller does not say: large enough to amortize a commit. */
export const DEFAULT_COMMANDS_PER_COMMIT = 500;

/** Options of a PostgreSQL group commit. */
export interface PostgresGroupCommitOptions {
  /** How many commands each transaction holds; defaults to {@link DEFAULT_COMMANDS_PER_COMMIT}. */
  readonly commandsPerCommit?: number;
}

/** What the store's statements need from a connection: a pooled client or the pool itself. */
export type Queryable = Pick<pg.ClientBase, 'query'>;

/** A store's group commit, and the connection its stream statements go through meanwhile. */
export interface PostgresGroupCommit {
  run<T>(
    work: (commandDone: () => Promise<void>) => Promise<T>,
    options?: PostgresGroupCommitOptions,
  ): Promise<T>;
  /** The open group's connection, or the pool when no group is open. */
  connection(): Queryable;
  isOpen(): boolean;
}

// The simple query protocol takes several statements in one round trip.
const BEGIN = `BEGIN; SET LOCAL idle_in_transaction_session_timeout = ${String(STALLED_TRANSACTION_TIMEOUT_MS)}`;
const COMMIT_AND_BEGIN = `COMMIT; ${BEGIN}`;

const ignore = (): void => undefined;

/**
 * Group commit on one pooled connection: the group holds a transaction on it, and while it is
 * open the stream statements (appends, stream reads, command-id look-ups, stream revisions) go
 * through that connection, so each command sees the group's earlier appends and each append is
 * still checked against its expected revision and command id. Between commands, every
 * `commandsPerCommit`, one round trip commits and opens the next transaction; a crash or a fault
 * rolls back only what followed the last commit, so the log holds whole commands only.
 * `afterCommit` runs after each commit (it wakes live subscriptions, which must not hear of rows a
 * rollback could still take back). A transaction left idle for the stall timeout is ended by the
 * server, like every other transaction of the engine.
 */
export const createPostgresGroupCommit = (
  pool: pg.Pool,
  afterCommit: () => void,
): PostgresGroupCommit => {
  let client: pg.PoolClient | undefined;
  const run: PostgresGroupCommit['run'] = async (work, options = {}) => {
    const size = options.commandsPerCommit ?? DEFAULT_COMMANDS_PER_COMMIT;
    if (!Number.isInteger(size) || size < 1)
      throw new RangeError(`commandsPerCommit must be a positive integer, not ${String(size)}`);
    if (client !== undefined)
      throw new Error('a group is already open on this store; groups do not nest');
    const connection = await pool.connect();
    connection.on('error', ignore);
    let broken: unknown;
    try {
      await connection.query(BEGIN);
      client = connection;
      let sinceCommit = 0;
      const commandDone = async (): Promise<void> => {
        sinceCommit += 1;
        if (sinceCommit < size) return;
        sinceCommit = 0;
        await connection.query(COMMIT_AND_BEGIN);
        afterCommit();
      };
      const result = await work(commandDone);
      await connection.query('COMMIT');
      afterCommit();
      return result;
    } catch (error) {
      await connection.query('ROLLBACK').catch((lost: unknown) => (broken = lost));
      throw error;
    } finally {
      client = undefined;
      connection.off('error', ignore);
      // A connection that broke is dropped by the pool rather than handed out again.
      connection.release(broken instanceof Error ? broken : undefined);
    }
  };
  return { run, connection: () => client ?? pool, isOpen: () => client !== undefined };
};
