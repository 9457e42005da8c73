import type pg from 'pg';
import type { Position, ReadAllOptions, RecordedEvent } from '@clientele/eventstore';
import { END, START } from '@clientele/eventstore';
import type { EventRow } from './eventRow.js';
import { EVENT_COLUMNS, rowPosition, toRecordedEvent } from './eventRow.js';
import { eventFilterSql } from './eventFilterSql.js';
import { FENCE, settleLog } from './logFence.js';

/** One page's place: its direction, whether it includes its key, and the key's parameter. */
interface Page {
  readonly backwards: boolean;
  readonly inclusive: boolean;
  /** The number of the key's first parameter, or undefined when the page starts at an end. */
  readonly keyParameter: number | undefined;
}

/** The SQL of one page: from the key on (or from an end), in the read's direction. */
const pageSql = (schema: string, filterCondition: string, page: Page): string => {
  const { backwards, inclusive, keyParameter } = page;
  const comparison = backwards ? (inclusive ? '<=' : '<') : inclusive ? '>=' : '>';
  const keyCondition =
    keyParameter === undefined
      ? 'true'
      : `(transaction_id, position) ${comparison} ($${keyParameter}::text::xid8, $${keyParameter + 1}::bigint)`;
  const order = backwards ? 'desc' : 'asc';
  return `select ${EVENT_COLUMNS} from "${schema}".events
       where ${keyCondition} and ${FENCE} and ${filterCondition}
       order by transaction_id ${order}, position ${order} limit $1`;
};

const keyOf = (position: Position): readonly [string, string] => [
  position.commit.toString(),
  position.prepare.toString(),
];

/**
 * Where a read starts: the key of its first page (none at an end of the log), or undefined when
 * it reads forwards from the end, where nothing is.
 */
const startOf = (
  options: ReadAllOptions,
  backwards: boolean,
): { readonly key: readonly [string, string] | undefined } | undefined => {
  const from = options.fromPosition ?? (backwards ? END : START);
  if (from === END && !backwards) return undefined;
  return { key: from === START || from === END ? undefined : keyOf(from) };
};

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
  const start = startOf(options, backwards);
  if (start === undefined) return;
  await settleLog(pool, schema);
  const filter = eventFilterSql(options.filter, 2);
  const keyParameter = 2 + filter.values.length;
  // The first page includes `from`; later pages start strictly after the last event read.
  let { key } = start;
  let inclusive = true;
  let remaining = options.maxCount ?? Number.POSITIVE_INFINITY;
  while (remaining > 0) {
    const limit = Math.min(pageSize, remaining);
    const page = {
      backwards,
      inclusive,
      keyParameter: key === undefined ? undefined : keyParameter,
    };
    const { rows } = await pool.query<EventRow>(pageSql(schema, filter.condition, page), [
      limit,
      ...filter.values,
      ...(key ?? []),
    ]);
    for (const row of rows) yield toRecordedEvent(row);
    remaining -= rows.length;
    const last = rows[rows.length - 1];
    if (last === undefined || rows.length < limit) return;
    key = keyOf(rowPosition(last));
    inclusive = false;
  }
}
