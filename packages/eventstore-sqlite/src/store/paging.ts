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
  /** The statement for `sql`, prepared on first use to return raw rows with safe integers. */
  readonly prepared: (sql: string) => Statement;
  /** How many rows one page reads. */
  readonly pageSize: number;
}

/** A reader over `db` whose pages hold `pageSize` rows. */
export const createLogReader = (db: Database, pageSize: number): LogReader => {
  const statements = new Map<string, Statement>();
  return {
    prepared: (sql) => {
      let statement = statements.get(sql);
      if (statement === undefined) {
        statement = db.prepare(sql).safeIntegers(true).raw(true);
        statements.set(sql, statement);
      }
      return statement;
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
