import type { EventFilter, LogSource } from '@clientele/eventstore';
import { position } from '@clientele/eventstore';
import type { PagedReads } from './pagedReads.js';
import { filterSql } from './eventFilterSql.js';
import { toRecordedEvent } from './eventRow.js';
import type { AppendSignal } from './appendSignal.js';

/**
 * What `followLog` needs to run a catch-up subscription on SQLite. The head is read before the
 * page: SQLite commits one writer at a time, so every event up to a head once seen is already
 * visible, and "scanned up to the head" holds even when the filter matched nothing.
 */
export const createLogSource = (
  reads: PagedReads,
  signal: AppendSignal,
  filter: EventFilter | undefined,
): LogSource => {
  const condition = filterSql(filter);
  return {
    readPage: async (after, limit) => {
      const head = reads.head();
      if (head === undefined) return { events: [], scannedTo: after, full: false };
      const rows = reads
        .eventsAfter(after?.commit ?? 0n, condition, limit)
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
    headPosition: async () => reads.head(),
    waitForAppend: (after, abort) => signal.waitBeyond(after, abort),
  };
};
