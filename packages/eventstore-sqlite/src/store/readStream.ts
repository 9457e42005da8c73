import type { ReadStreamOptions, RecordedEvent } from '@clientele/eventstore';
import { END, START } from '@clientele/eventstore';
import { EVENT_COLUMNS } from './eventRow.js';
import { FAR_END, clamp, noEvents, pages } from './paging.js';
import type { LogReader } from './paging.js';

/** One stream's events from a revision, forwards or backwards, a page at a time. */
export const readStream = (
  reader: LogReader,
  streamName: string,
  options: ReadStreamOptions,
): AsyncGenerator<RecordedEvent> => {
  const backwards = options.direction === 'backwards';
  const from = options.fromRevision ?? (backwards ? END : START);
  if (from === END && !backwards) return noEvents();
  const sql = backwards
    ? `SELECT ${EVENT_COLUMNS} FROM events WHERE stream_name = ? AND stream_revision <= ? ORDER BY stream_revision DESC LIMIT ?`
    : `SELECT ${EVENT_COLUMNS} FROM events WHERE stream_name = ? AND stream_revision >= ? ORDER BY stream_revision LIMIT ?`;
  return pages(reader, {
    page: (cursor, limit) => reader.rows(sql, [streamName, cursor], limit),
    start: from === START ? 0n : from === END ? FAR_END : clamp(from),
    maxCount: options.maxCount,
    next: (last) => (backwards ? last[2] - 1n : last[2] + 1n),
  });
};
