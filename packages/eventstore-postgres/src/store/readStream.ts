import type { ReadStreamOptions, RecordedEvent } from '@clientele/eventstore';
import { END, START } from '@clientele/eventstore';
import type { EventRow } from './eventRow.js';
import { EVENT_COLUMNS, toRecordedEvent } from './eventRow.js';
import type { Queryable } from './groupCommit.js';

const LAST_REVISION = 9223372036854775807n;

/**
 * Reads one stream in pages of `pageSize`. A stream's revisions commit in order (writers queue on
 * the stream's row lock), so paging by revision needs no fence.
 */
export async function* readStream(
  connection: Queryable,
  schema: string,
  streamName: string,
  options: ReadStreamOptions,
  pageSize: number,
): AsyncGenerator<RecordedEvent> {
  const backwards = options.direction === 'backwards';
  const from = options.fromRevision ?? (backwards ? END : START);
  if (from === END && !backwards) return;
  let next: bigint = from === START ? 0n : from === END ? LAST_REVISION : from;
  let remaining = options.maxCount ?? Number.POSITIVE_INFINITY;
  while (remaining > 0) {
    const limit = Math.min(pageSize, remaining);
    const { rows } = await connection.query<EventRow>(
      `select ${EVENT_COLUMNS} from "${schema}".events
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
