import type { AppendSignal, EventFilter, LogSource, Position } from '@clientele/eventstore';
import { position } from '@clientele/eventstore';
import { filterSql } from './eventFilterSql.js';
import { EVENT_COLUMNS, toRecordedEvent } from './eventRow.js';
import { clamp } from './paging.js';
import type { LogReader } from './paging.js';

/** What a subscription reads on SQLite: the log reader, the head and the append signal. */
export interface SqliteLog {
  readonly reader: LogReader;
  readonly head: () => Position | undefined;
  readonly appendSignal: AppendSignal;
}

/**
 * What `followLog` needs to run a catch-up subscription on SQLite. The head is read before the
 * page: SQLite commits one writer at a time, so every event up to a head once seen is already
 * visible, and "scanned up to the head" holds even when the filter matched nothing.
 */
export const createLogSource = (sqlite: SqliteLog, filter: EventFilter | undefined): LogSource => {
  const condition = filterSql(filter);
  const eventsAfter = `SELECT ${EVENT_COLUMNS} FROM events WHERE position > ? AND ${condition.condition} ORDER BY position LIMIT ?`;
  return {
    readPage: async (after, limit) => {
      const head = sqlite.head();
      if (head === undefined) return { events: [], scannedTo: after, full: false };
      const rows = sqlite.reader
        .rows(eventsAfter, [clamp(after?.commit ?? 0n), ...condition.params], limit)
        .filter((row) => row[0] <= head.commit);
      const full = rows.length === limit;
      const last = rows[rows.length - 1];
      const scannedTo =
        full && last !== undefined
          ? position(last[0])
          : after !== undefined && after.commit > head.commit
            ? after
            : head;
      return { events: rows.map(toRecordedEvent), scannedTo, full };
    },
    headPosition: async () => sqlite.head(),
    waitForAppend: (after, abort) => sqlite.appendSignal.waitBeyond(after, abort),
  };
};
