import type pg from 'pg';
import type { EventFilter, LogSource, Position } from '@clientele/eventstore';
import type { AppendSignal } from './appendSignal.js';
import type { EventRow } from './eventRow.js';
import { EVENT_COLUMNS, rowPosition, toRecordedEvent } from './eventRow.js';
import { eventFilterSql } from './eventFilterSql.js';
import { FENCE } from './logFence.js';
import { headPosition } from './headPosition.js';

/** How a subscription on PostgreSQL learns about appends. */
export interface LogSourceOptions {
  readonly pool: pg.Pool;
  readonly schema: string;
  readonly signal: AppendSignal;
  /** Longest wait without an announcement before reading again (the polling fallback). */
  readonly pollMilliseconds: number;
}

/** A page row: an event, or (kind 'head') the last position below the fence. */
type PageRow = EventRow & { readonly kind: 'event' | 'head' };

const sleep = (milliseconds: number) =>
  new Promise<void>((resolve) => setTimeout(resolve, milliseconds));

/**
 * The page reader and append signal that `followLog` turns into a catch-up subscription. A page
 * and the head it was scanned to are read in one statement, so both see the same fence.
 */
export const createLogSource = (
  options: LogSourceOptions,
  filter: EventFilter | undefined,
): LogSource => {
  const { pool, schema } = options;
  const filterSql = eventFilterSql(filter, 2);
  const afterCondition = (after: Position | undefined, parameter: number): string =>
    after === undefined
      ? 'true'
      : `(transaction_id, position) > ($${parameter}::text::xid8, $${parameter + 1}::bigint)`;
  // Consecutive looks that found events still hidden by the fence; they back off.
  let hiddenLooks = 0;
  const keyValues = (after: Position | undefined): string[] =>
    after === undefined ? [] : [after.commit.toString(), after.prepare.toString()];

  return {
    async readPage(after, limit) {
      const { rows } = await pool.query<PageRow>(
        `with page as (
           select ${EVENT_COLUMNS} from "${schema}".events
           where ${afterCondition(after, 2 + filterSql.values.length)} and ${FENCE} and ${filterSql.condition}
           order by transaction_id, position limit $1),
         head as (
           select ${EVENT_COLUMNS} from "${schema}".events where ${FENCE}
           order by transaction_id desc, position desc limit 1)
         select 'event' as kind, * from page union all select 'head' as kind, * from head`,
        [limit, ...filterSql.values, ...keyValues(after)],
      );
      const events = rows.filter((row) => row.kind === 'event');
      events.sort((a, b) => {
        const x = rowPosition(a);
        const y = rowPosition(b);
        return x.commit === y.commit ? Number(x.prepare - y.prepare) : x.commit < y.commit ? -1 : 1;
      });
      const full = events.length === limit;
      const last = events[events.length - 1];
      const head = rows.find((row) => row.kind === 'head');
      const scannedTo =
        full && last !== undefined
          ? rowPosition(last)
          : head === undefined
            ? after
            : rowPosition(head);
      return { events: events.map(toRecordedEvent), scannedTo, full };
    },
    headPosition: () => headPosition(pool, schema),
    async waitForAppend(after, signal) {
      const wait = await options.signal.next(signal, options.pollMilliseconds);
      // Committed events past `after` that the fence still hides belong to a transaction that
      // normally finishes in a moment: look again shortly rather than wait for an announcement.
      const { rows } = await pool.query<{ visible: boolean; hidden: boolean }>(
        `select exists (select 1 from "${schema}".events
                        where ${afterCondition(after, 1)} and ${FENCE}) as visible,
                exists (select 1 from "${schema}".events
                        where ${afterCondition(after, 1)} and not ${FENCE}) as hidden`,
        keyValues(after),
      );
      const { visible = false, hidden = false } = rows[0] ?? {};
      if (visible || !hidden) {
        hiddenLooks = 0;
        if (visible) wait.cancel();
        return wait.arrived;
      }
      wait.cancel();
      hiddenLooks += 1;
      return sleep(Math.min(2 ** hiddenLooks, options.pollMilliseconds));
    },
  };
};
