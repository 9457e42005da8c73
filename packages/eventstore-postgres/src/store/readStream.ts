import type { ReadStreamOptions, RecordedEvent } from '@clientele/eventstore';
import { END, START } from '@clientele/eventstore';
import type { EventRow } from './eventRow.js';
import { EVENT_COLUMNS, toRecordedEvent } from './eventRow.js';
import type { Queryable } from './queryable.js';

const LAST_REVISION = 9223372036854775807n;

/** Where a stream read starts, which way it goes and how many events it may return. */
export interface StreamRange {
  readonly backwards: boolean;
  readonly from: bigint;
  readonly maxCount: number;
}

/** The range a read's options ask for; undefined when they ask for nothing (forwards from END). */
export const streamRange = (options: ReadStreamOptions): StreamRange | undefined => {
  const backwards = options.direction === 'backwards';
  const from = options.fromRevision ?? (backwards ? END : START);
  if (from === END && !backwards) return undefined;
  const revision = from === START ? 0n : from === END ? LAST_REVISION : from;
  return { backwards, from: revision, maxCount: options.maxCount ?? Number.POSITIVE_INFINITY };
};

/** What a stream read needs from its engine. */
export interface StreamSource {
  /** The pool, or the open group commit's connection. */
  readonly connection: Queryable;
  readonly schema: string;
  /** Events per round trip. */
  readonly pageSize: number;
}

/**
 * Reads one stream in pages of `pageSize`. A stream's revisions commit in order (writers queue on
 * the stream's row lock), so paging by revision needs no fence.
 */
export async function* readStream(
  source: StreamSource,
  streamName: string,
  options: ReadStreamOptions,
): AsyncGenerator<RecordedEvent> {
  const range = streamRange(options);
  if (range === undefined) return;
  const { backwards } = range;
  let next = range.from;
  let remaining = range.maxCount;
  while (remaining > 0) {
    const limit = Math.min(source.pageSize, remaining);
    const { rows } = await source.connection.query<EventRow>(
      `select ${EVENT_COLUMNS} from "${source.schema}".events
       where stream_name = $1 and stream_revision ${backwards ? '<=' : '>='} $2
       order by stream_revision ${backwards ? 'desc' : 'asc'} limit $3`,
      [streamName, next.toString(), limit],
    );
    for (const row of rows) yield toRecordedEvent(row);
    remaining -= rows.length;
    const last = rows[rows.length - 1];
    if (last === undefined || rows.length < limit) return;
    next = BigInt(last.stream_revision) + (backwards ? -1n : 1n);
  }
}
