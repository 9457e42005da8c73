import Database from 'better-sqlite3';
import type { Database as Connection, Statement } from 'better-sqlite3';
import type {
  EventFilter,
  EventStore,
  LogSource,
  Position,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  Subscription,
} from '@clientele/eventstore';
import {
  ANY,
  END,
  NO_STREAM,
  START,
  followLog,
  position,
  validateAppend,
} from '@clientele/eventstore';
import { appendInTransaction, findCommand, prepareAppend } from './appendTransaction.js';
import { retryWhileBusy } from './busyRetry.js';
import { filterSql } from './eventFilterSql.js';
import { EVENT_COLUMNS, toRecordedEvent } from './eventRow.js';
import type { EventRow } from './eventRow.js';
import { migrate } from './schema.js';

/** Options of {@link createSqliteEventStore}. */
export interface SqliteEventStoreOptions {
  /** The store's file, or `':memory:'` for a private in-memory database. */
  readonly file: string;
  /**
   * `normal` (default): WAL with `synchronous=NORMAL`. A committed append survives a crash of the
   * process; a power loss may lose the last few transactions but never corrupts the file.
   * `full`: `synchronous=FULL`, each commit is on disk before the append returns.
   */
  readonly durability?: 'normal' | 'full';
  /** How long a write waits for another process's write lock before retrying; defaults to 5 s. */
  readonly busyTimeoutMs?: number;
  /** How long command ids are remembered for idempotency; defaults to 30 days. */
  readonly commandRetentionMs?: number;
  /** Rows read per page; defaults to 1,000. */
  readonly pageSize?: number;
  /** How often a live subscription looks for appends by other processes; defaults to 25 ms. */
  readonly pollIntervalMs?: number;
  /** Stamps `recordedAt`; defaults to the system clock. */
  readonly now?: () => Date;
}

/** A SQLite event store, with its connection for the read-model and key stores that share the file. */
export interface SqliteEventStore extends EventStore {
  /** The better-sqlite3 connection: for stores that keep their tables in the same file. */
  readonly database: Connection;
}

const DAY_MS = 86_400_000;
const PRUNE_EVERY_APPENDS = 1_000;

/**
 * The embedded default engine: one SQLite file, nothing to start. Appends run in `BEGIN IMMEDIATE`
 * transactions, so two processes writing the same file cannot both win; reads page through the
 * file with prepared statements, so a million-event log is read in bounded memory; live
 * subscriptions see appends from this process at once and from other processes by polling.
 */
export const createSqliteEventStore = (options: SqliteEventStoreOptions): SqliteEventStore => {
  const db = new Database(options.file);
  db.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 5_000}`);
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${options.durability === 'full' ? 'FULL' : 'NORMAL'}`);
  db.pragma('foreign_keys = ON');
  migrate(db, options.file);

  const now = options.now ?? (() => new Date());
  const pageSize = options.pageSize ?? 1_000;
  const retentionMs = options.commandRetentionMs ?? 30 * DAY_MS;
  const appendStatements = prepareAppend(db);
  const pruneCommands = db.prepare('DELETE FROM commands WHERE recorded_at < ?');
  const headStatement = db
    .prepare('SELECT max(position) AS position FROM events')
    .safeIntegers(true);
  const statements = new Map<string, Statement>();
  const statement = (sql: string): Statement => {
    let prepared = statements.get(sql);
    if (prepared === undefined) {
      prepared = db.prepare(sql).safeIntegers(true);
      statements.set(sql, prepared);
    }
    return prepared;
  };
  let appendsSincePrune = 0;
  const localAppends = new Set<() => void>();
  const subscriptions = new Set<Subscription>();
  let closed = false;

  const head = (): Position | undefined => {
    const row = headStatement.get() as { position: bigint | null };
    return row.position === null ? undefined : position(row.position);
  };

  const append: EventStore['appendToStream'] = async (streamName, events, appendOptions = {}) => {
    validateAppend(streamName, events);
    const recordedAt = now().toISOString();
    const transaction = db.transaction(() =>
      appendInTransaction(
        appendStatements,
        streamName,
        events,
        appendOptions.expectedRevision ?? ANY,
        appendOptions.commandId,
        recordedAt,
      ),
    );
    const result = await retryWhileBusy(() => transaction.immediate());
    if (result._tag === 'Right' && !result.right.duplicate) {
      for (const wake of [...localAppends]) wake();
      appendsSincePrune += 1;
      if (appendsSincePrune >= PRUNE_EVERY_APPENDS) {
        appendsSincePrune = 0;
        await retryWhileBusy(() =>
          pruneCommands.run(new Date(now().getTime() - retentionMs).toISOString()),
        );
      }
    }
    return result;
  };

  const FAR_END = 2n ** 62n;
  const firstPosition = db
    .prepare('SELECT min(position) AS position FROM events')
    .safeIntegers(true);

  /** Reads `sql` page by page, from `next`, moving the cursor past each page's last row. */
  async function* pages(
    sql: string,
    params: (cursor: bigint, limit: number) => unknown[],
    start: bigint,
    maxCount: number | undefined,
    advance: (last: EventRow) => bigint,
  ): AsyncGenerator<RecordedEvent> {
    let remaining = maxCount ?? Number.POSITIVE_INFINITY;
    let cursor = start;
    while (remaining > 0) {
      const limit = Math.min(pageSize, remaining);
      const rows = statement(sql).all(...params(cursor, limit)) as EventRow[];
      for (const row of rows) yield toRecordedEvent(row);
      remaining -= rows.length;
      const last = rows[rows.length - 1];
      if (rows.length < limit || last === undefined) return;
      cursor = advance(last);
    }
  }

  function readStream(
    streamName: string,
    readOptions: ReadStreamOptions = {},
  ): AsyncGenerator<RecordedEvent> {
    const backwards = readOptions.direction === 'backwards';
    const from = readOptions.fromRevision ?? (backwards ? END : START);
    const start = from === START ? 0n : from === END ? (backwards ? FAR_END : FAR_END + 1n) : from;
    const sql = backwards
      ? `SELECT ${EVENT_COLUMNS} FROM events WHERE stream_name = ? AND stream_revision <= ? ORDER BY stream_revision DESC LIMIT ?`
      : `SELECT ${EVENT_COLUMNS} FROM events WHERE stream_name = ? AND stream_revision >= ? ORDER BY stream_revision LIMIT ?`;
    return pages(
      sql,
      (cursor, limit) => [streamName, cursor, limit],
      start,
      readOptions.maxCount,
      (last) => (backwards ? last.stream_revision - 1n : last.stream_revision + 1n),
    );
  }

  function readAll(readOptions: ReadAllOptions = {}): AsyncGenerator<RecordedEvent> {
    const backwards = readOptions.direction === 'backwards';
    const from = readOptions.fromPosition ?? (backwards ? END : START);
    const filter = filterSql(readOptions.filter);
    const first = () => (firstPosition.get() as { position: bigint | null }).position ?? 0n;
    const start =
      from === START
        ? backwards
          ? first()
          : 0n
        : from === END
          ? backwards
            ? FAR_END
            : FAR_END + 1n
          : from.commit;
    const sql = backwards
      ? `SELECT ${EVENT_COLUMNS} FROM events WHERE position <= ? AND ${filter.condition} ORDER BY position DESC LIMIT ?`
      : `SELECT ${EVENT_COLUMNS} FROM events WHERE position >= ? AND ${filter.condition} ORDER BY position LIMIT ?`;
    return pages(
      sql,
      (cursor, limit) => [cursor, ...filter.params, limit],
      start,
      readOptions.maxCount,
      (last) => (backwards ? last.position - 1n : last.position + 1n),
    );
  }

  const logSource = (filter: EventFilter | undefined): LogSource => {
    const condition = filterSql(filter);
    const page = db.transaction((after: bigint, limit: number) => {
      const rows = statement(
        `SELECT ${EVENT_COLUMNS} FROM events WHERE position > ? AND ${condition.condition} ORDER BY position LIMIT ?`,
      ).all(after, ...condition.params, limit) as EventRow[];
      return { rows, head: head() };
    });
    return {
      readPage: async (after, limit) => {
        const { rows, head: scannedHead } = page.deferred(after?.commit ?? 0n, limit);
        const full = rows.length === limit;
        const last = rows[rows.length - 1];
        return {
          events: rows.map(toRecordedEvent),
          scannedTo: full && last !== undefined ? position(last.position) : (scannedHead ?? after),
          full,
        };
      },
      headPosition: async () => head(),
      waitForAppend: (after, signal) =>
        new Promise<void>((resolve) => {
          const beyond = () => {
            const current = head();
            return current !== undefined && (after === undefined || current.commit > after.commit);
          };
          if (signal.aborted || beyond()) return resolve();
          const finish = (): void => {
            clearInterval(poll);
            localAppends.delete(finish);
            signal.removeEventListener('abort', finish);
            resolve();
          };
          // Other processes' appends are only seen by looking: poll while someone waits.
          const poll = setInterval(() => {
            if (closed || beyond()) finish();
          }, options.pollIntervalMs ?? 25);
          localAppends.add(finish);
          signal.addEventListener('abort', finish);
        }),
    };
  };

  return {
    engineName: 'sqlite',
    database: db,
    appendToStream: append,
    readStream,
    readAll,
    subscribeToAll: (subscribeOptions = {}) => {
      const inner = followLog(logSource(subscribeOptions.filter), subscribeOptions);
      const subscription: Subscription = {
        [Symbol.asyncIterator]: () => inner[Symbol.asyncIterator](),
        stop: async () => {
          subscriptions.delete(subscription);
          await inner.stop();
        },
      };
      subscriptions.add(subscription);
      return subscription;
    },
    streamRevision: async (streamName) => {
      const row = appendStatements.streamRevision.get(streamName) as
        { revision: bigint } | undefined;
      return row === undefined ? NO_STREAM : row.revision;
    },
    headPosition: async () => head(),
    findCommandResult: async (commandId) => findCommand(appendStatements, commandId),
    close: async () => {
      await Promise.all([...subscriptions].map((subscription) => subscription.stop()));
      closed = true;
      if (db.open) db.close();
    },
  };
};
