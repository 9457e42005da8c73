import type pg from 'pg';
import type { ReadAllOptions, RecordedEvent } from '@clientele/eventstore';
import { END, START } from '@clientele/eventstore';
import type { EventRow } from './eventRow.js';
import { EVENT_COLUMNS, rowPosition, toRecordedEvent } from './eventRow.js';
import { eventFilterSql } from './eventFilterSql.js';
import { FENCE, settleLog } from './logFence.js';

/**
 * Reads the global log in pages, keyed by (transaction id, sequence) and below the fence, so a
 * reader resuming from the last position it saw never skips an event.
 */
export async function* readAll(
  pool: pg.Pool,
  schema: string,
  options: ReadAllOptions,
  pageSize: number,
): AsyncGenerator<RecordedEvent> {
  const backwards = options.direction === 'backwards';
  const from = options.fromPosition ?? (backwards ? END : START);
  if (from === END && !backwards) return;
  await settleLog(pool, schema);
  const filter = eventFilterSql(options.filter, 2);
  const keyParameter = 2 + filter.values.length;
  // The first page includes `from`; later pages start strictly after the last event read.
  let key: readonly [string, string] | undefined =
    from === START || from === END ? undefined : [from.commit.toString(), from.prepare.toString()];
  let inclusive = true;
  let remaining = options.maxCount ?? Number.POSITIVE_INFINITY;
  while (remaining > 0) {
    const limit = Math.min(pageSize, remaining);
    const comparison = backwards ? (inclusive ? '<=' : '<') : inclusive ? '>=' : '>';
    const keyCondition =
      key === undefined
        ? 'true'
        : `(transaction_id, position) ${comparison} ($${keyParameter}::text::xid8, $${keyParameter + 1}::bigint)`;
    const order = backwards ? 'desc' : 'asc';
    const { rows } = await pool.query<EventRow>(
      `select ${EVENT_COLUMNS} from "${schema}".events
       where ${keyCondition} and ${FENCE} and ${filter.condition}
       order by transaction_id ${order}, position ${order} limit $1`,
      [limit, ...filter.values, ...(key ?? [])],
    );
    for (const row of rows) yield toRecordedEvent(row);
    remaining -= rows.length;
    const last = rows[rows.length - 1];
    if (last === undefined || rows.length < limit) return;
    const lastPosition = rowPosition(last);
    key = [lastPosition.commit.toString(), lastPosition.prepare.toString()];
    inclusive = false;
  }
}
