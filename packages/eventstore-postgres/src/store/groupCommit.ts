import type pg from 'pg';
import { STALLED_TRANSACTION_TIMEOUT_MS } from '../connection/inTransaction.js';
import type { GroupCache, TableCounts } from './groupCache.js';
import { createGroupCache } from './groupCache.js';
import type { Queryable } from './queryable.js';

/** Commands per transaction when the caller does not say: large enough to amortize a commit. */
export const DEFAULT_COMMANDS_PER_COMMIT = 500;

/** Options of a PostgreSQL group commit. */
export interface PostgresGroupCommitOptions {
  /** How many commands each transaction holds; defaults to {@link DEFAULT_COMMANDS_PER_COMMIT}. */
  readonly commandsPerCommit?: number;
}

/** A store's group commit, and the connection its stream statements go through meanwhile. */
export interface PostgresGroupCommit {
  run<T>(
    work: (commandDone: () => Promise<void>) => Promise<T>,
    options?: PostgresGroupCommitOptions,
  ): Promise<T>;
  /** The open group's connection, or the pool when no group is open. */
  connection(): Queryable;
  isOpen(): boolean;
  /** What the open group knows of its streams and command ids; undefined when none is open. */
  cache(): GroupCache | undefined;
  /**
   * When the group's current transaction started (ISO-8601): `now()` in it, so the
   * `recorded_at` of every event it appends.
   */
  transactionStartedAt(): string;
}

// The simple query protocol takes several statements in one round trip. The last one reads the
// transaction's `now()` (the `recorded_at` of what the group appends in it) and counts, for the
// cache, the rows of the tables whose rows it still knows, at most one past what it expects.
const beginStatement = (schema: string, expected: TableCounts<number | undefined>): string => {
  const count = (table: string, rows: number | undefined): string =>
    rows === undefined
      ? 'null'
      : `(select count(*) from (select 1 from "${schema}".${table} limit ${String(rows + 1)}) t)::int`;
  return `BEGIN; SET LOCAL idle_in_transaction_session_timeout = ${String(STALLED_TRANSACTION_TIMEOUT_MS)}; SELECT now() AS started, ${count('commands', expected.commands)} AS commands, ${count('events', expected.events)} AS events`;
};

/** Opens a transaction for the group: when it started, and what its cache asked to count. */
const begin = async (
  connection: pg.PoolClient,
  statement: string,
  cache: GroupCache,
): Promise<string> => {
  // One result per statement: the counts are in the last.
  const answer: unknown = await connection.query(statement);
  const results = (Array.isArray(answer) ? answer : [answer]) as pg.QueryResult<
    TableCounts<number | null> & { started: Date }
  >[];
  const row = results[results.length - 1]?.rows[0];
  if (row === undefined) throw new Error('the group transaction did not report its start');
  cache.counted(row);
  return row.started.toISOString();
};

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
  schema: string,
  afterCommit: () => void,
): PostgresGroupCommit => {
  let client: pg.PoolClient | undefined;
  let cache: GroupCache | undefined;
  let started = '';
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
      const opened = createGroupCache();
      started = await begin(connection, beginStatement(schema, opened.expectedCounts()), opened);
      client = connection;
      cache = opened;
      let sinceCommit = 0;
      const commandDone = async (): Promise<void> => {
        sinceCommit += 1;
        if (sinceCommit < size) return;
        sinceCommit = 0;
        const statement = `COMMIT; ${beginStatement(schema, opened.expectedCounts())}`;
        started = await begin(connection, statement, opened);
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
      // Whether it committed or rolled back, what the group cached ends with it.
      client = undefined;
      cache = undefined;
      connection.off('error', ignore);
      // A connection that broke is dropped by the pool rather than handed out again.
      connection.release(broken instanceof Error ? broken : undefined);
    }
  };
  return {
    run,
    connection: () => client ?? pool,
    isOpen: () => client !== undefined,
    cache: () => cache,
    transactionStartedAt: () => started,
  };
};
