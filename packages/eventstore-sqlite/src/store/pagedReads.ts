import type { Database, Statement } from 'better-sqlite3';
import type {
  Position,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
} from '@clientele/eventstore';
import { END, START, position } from '@clientele/eventstore';
import { filterSql } from './eventFilterSql.js';
import type { FilterSql } from './eventFilterSql.js';
import { EVENT_COLUMNS, toRecordedEvent } from './eventRow.js';
import type { EventRow } from './eventRow.js';

/** Beyond any revision or position SQLite can hold (its integers are 64-bit signed). */
const FAR_END = 2n ** 63n - 1n;

/** Clamps a caller's bigint into SQLite's integer range, so binding it never throws. */
const clamp = (value: bigint): bigint => (value < 0n ? -1n : value > FAR_END ? FAR_END : value);

/** The log reads of one connection: every statement is prepared once and reused. */
export interface PagedReads {
  readStream(streamName: string, options: ReadStreamOptions): AsyncGenerator<RecordedEvent>;
  readAll(options: ReadAllOptions): AsyncGenerator<RecordedEvent>;
  /** Up to `limit` events after `after` that pass the filter, for subscriptions. */
  eventsAfter(after: bigint, filter: FilterSql, limit: number): readonly EventRow[];
  /** The position of the last event, or undefined for an empty log. */
  readonly head: () => Position | undefined;
}

/**
 * Reads through prepared statements, one page at a time with keyset pagination (`position > last
 * seen`), so memory stays bounded however long the log is and no statement stays open between
 * pages (better-sqlite3 would refuse other statements on the connection while one iterates).
 */
export const createPagedReads = (db: Database, pageSize: number): PagedReads => {
  const statements = new Map<string, Statement>();
  const prepared = (sql: string): Statement => {
    let statement = statements.get(sql);
    if (statement === undefined) {
      statement = db.prepare(sql).safeIntegers(true).raw(true);
      statements.set(sql, statement);
    }
    return statement;
  };
  const headStatement = db.prepare('SELECT max(position) FROM events').safeIntegers(true).pluck();

  /** Yields the rows of `page(cursor, limit)` and moves the cursor past the last one. */
  async function* pages(
    page: (cursor: bigint, limit: number) => EventRow[],
    start: bigint,
    maxCount: number | undefined,
    next: (last: EventRow) => bigint,
  ): AsyncGenerator<RecordedEvent> {
    let remaining = maxCount ?? Number.POSITIVE_INFINITY;
    let cursor = start;
    while (remaining > 0) {
      const limit = Math.min(pageSize, remaining);
      const rows = page(cursor, limit);
      for (const row of rows) yield toRecordedEvent(row);
      remaining -= rows.length;
      const last = rows[rows.length - 1];
      if (rows.length < limit || last === undefined) return;
      cursor = next(last);
    }
  }

  return {
    readStream(streamName, options) {
      const backwards = options.direction === 'backwards';
      const from = options.fromRevision ?? (backwards ? END : START);
      if (from === END && !backwards)
        return pages(
          () => [],
          0n,
          0,
          () => 0n,
        );
      const start = from === START ? 0n : from === END ? FAR_END : clamp(from);
      const statement = prepared(
        backwards
          ? `SELECT ${EVENT_COLUMNS} FROM events WHERE stream_name = ? AND stream_revision <= ? ORDER BY stream_revision DESC LIMIT ?`
          : `SELECT ${EVENT_COLUMNS} FROM events WHERE stream_name = ? AND stream_revision >= ? ORDER BY stream_revision LIMIT ?`,
      );
      return pages(
        (cursor, limit) => statement.all(streamName, cursor, limit) as EventRow[],
        start,
        options.maxCount,
        (last) => (backwards ? last[2] - 1n : last[2] + 1n),
      );
    },

    readAll(options) {
      const backwards = options.direction === 'backwards';
      const from = options.fromPosition ?? (backwards ? END : START);
      if (from === END && !backwards)
        return pages(
          () => [],
          0n,
          0,
          () => 0n,
        );
      const filter = filterSql(options.filter);
      // Backwards from START means "the first event", as in the other engines.
      const start =
        from === START ? (backwards ? 1n : 0n) : from === END ? FAR_END : clamp(from.commit);
      const statement = prepared(
        backwards
          ? `SELECT ${EVENT_COLUMNS} FROM events WHERE position <= ? AND ${filter.condition} ORDER BY position DESC LIMIT ?`
          : `SELECT ${EVENT_COLUMNS} FROM events WHERE position >= ? AND ${filter.condition} ORDER BY position LIMIT ?`,
      );
      return pages(
        (cursor, limit) => statement.all(cursor, ...filter.params, limit) as EventRow[],
        start,
        options.maxCount,
        (last) => (backwards ? last[0] - 1n : last[0] + 1n),
      );
    },

    eventsAfter: (after, filter, limit) =>
      prepared(
        `SELECT ${EVENT_COLUMNS} FROM events WHERE position > ? AND ${filter.condition} ORDER BY position LIMIT ?`,
      ).all(clamp(after), ...filter.params, limit) as EventRow[],

    head: () => {
      const last = headStatement.get() as bigint | null;
      return last === null ? undefined : position(last);
    },
  };
};
