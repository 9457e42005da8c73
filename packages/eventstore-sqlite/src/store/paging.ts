import type { Database, Statement } from 'better-sqlite3';
import type { RecordedEvent } from '@clientele/eventstore';
import { toRecordedEvent } from './eventRow.js';
import type { EventRow } from './eventRow.js';

/** Beyond any revision or position SQLite can hold (its integers are 64-bit signed). */
export const FAR_END = 2n ** 63n - 1n;

/** Clamps a caller's bigint into SQLite's integer range, so binding it never throws. */
export const clamp = (value: bigint): bigint =>
  value < 0n ? -1n : value > FAR_END ? FAR_END : value;

/** What the reads of one connection share: its statements, each prepared once, and a page size. */
export interface LogReader {
  /**
   * Up to `limit` rows of a query whose text ends in `LIMIT ?`, the other placeholders bound to
   * `params`. The limit is written into the statement's text (one statement per limit, for the
   * few limits reads use): SQLite answers a short query whose LIMIT is a bound parameter in about
   * twice the time, 12.5 against 5.5 µs for a stream's last event on a log of 8,886 streams.
   */
  readonly rows: (sql: string, params: readonly unknown[], limit: number) => EventRow[];
  /** How many rows one page reads. */
  readonly pageSize: number;
}

/** Past this many statements a reader stops writing limits into new ones and binds them. */
const MAX_STATEMENTS = 64;

/** A reader over `db` whose pages hold `pageSize` rows. */
export const createLogReader = (db: Database, pageSize: number): LogReader => {
  const statements = new Map<string, Statement>();
  /** The statement for `sql`, prepared on first use to return raw rows with safe integers. */
  const prepared = (sql: string): Statement => {
    let statement = statements.get(sql);
    if (statement === undefined) {
      statement = db.prepare(sql).safeIntegers(true).raw(true);
      statements.set(sql, statement);
    }
    return statement;
  };
  return {
    rows: (sql, params, limit) => {
      if (!sql.endsWith('LIMIT ?')) throw new Error(`a page query must end in LIMIT ?: ${sql}`);
      const written = `${sql.slice(0, -1)}${String(limit)}`;
      const literal =
        Number.isSafeInteger(limit) &&
        limit > 0 &&
        (statements.has(written) || statements.size < MAX_STATEMENTS);
      return (
        literal ? prepared(written).all(...params) : prepared(sql).all(...params, limit)
      ) as EventRow[];
    },
    pageSize,
  };
};

/** One keyset-paginated read: the query of a page, where it starts, and how it moves on. */
export interface PagedQuery {
  /** Up to `limit` rows from `cursor` on (inclusive), in read order. */
  readonly page: (cursor: bigint, limit: number) => EventRow[];
  readonly start: bigint;
  readonly maxCount: number | undefined;
  /** The cursor just past `last`, in read order. */
  readonly next: (last: EventRow) => bigint;
}

/**
 * Yields the rows of a query one page at a time with keyset pagination (the cursor moves past the
 * last row seen), so memory stays bounded however long the log is and no statement stays open
 * between pages (better-sqlite3 would refuse other statements on the connection while one
 * iterates).
 */
export async function* pages(reader: LogReader, query: PagedQuery): AsyncGenerator<RecordedEvent> {
  let remaining = query.maxCount ?? Number.POSITIVE_INFINITY;
  let cursor = query.start;
  while (remaining > 0) {
    const limit = Math.min(reader.pageSize, remaining);
    const rows = query.page(cursor, limit);
    for (const row of rows) yield toRecordedEvent(row);
    remaining -= rows.length;
    const last = rows[rows.length - 1];
    if (rows.length < limit || last === undefined) return;
    cursor = query.next(last);
  }
}

/** A read that yields nothing: forwards from `END`. */
export async function* noEvents(): AsyncGenerator<RecordedEvent> {
  // Nothing lies after the end.
}
