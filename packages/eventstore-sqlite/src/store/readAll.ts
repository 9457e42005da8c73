import type { ReadAllOptions, RecordedEvent } from '@clientele/eventstore';
import { END, START } from '@clientele/eventstore';
import { filterSql } from './eventFilterSql.js';
import { EVENT_COLUMNS } from './eventRow.js';
import { FAR_END, clamp, noEvents, pages } from './paging.js';
import type { LogReader } from './paging.js';

/** The log's events from a position that pass the filter, forwards or backwards, a page at a time. */
export const readAll = (
  reader: LogReader,
  options: ReadAllOptions,
): AsyncGenerator<RecordedEvent> => {
  const backwards = options.direction === 'backwards';
  const from = options.fromPosition ?? (backwards ? END : START);
  if (from === END && !backwards) return noEvents();
  const filter = filterSql(options.filter);
  const sql = backwards
    ? `SELECT ${EVENT_COLUMNS} FROM events WHERE position <= ? AND ${filter.condition} ORDER BY position DESC LIMIT ?`
    : `SELECT ${EVENT_COLUMNS} FROM events WHERE position >= ? AND ${filter.condition} ORDER BY position LIMIT ?`;
  return pages(reader, {
    page: (cursor, limit) => reader.rows(sql, [cursor, ...filter.params], limit),
    // Backwards from START means "the first event", as in the other engines.
    start: from === START ? (backwards ? 1n : 0n) : from === END ? FAR_END : clamp(from.commit),
    maxCount: options.maxCount,
    next: (last) => (backwards ? last[0] - 1n : last[0] + 1n),
  });
};
