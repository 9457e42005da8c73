import type { EventStoreDBClient } from '@eventstore/db-client';
import type { EventFilter, LogSource, Position, RecordedEvent } from '@clientele/eventstore';
import { comparePositions, matchesFilter } from '@clientele/eventstore';
import type { AppendSignal } from './appendSignal.js';
import { fromEsdbRecordedEvent, isInternalEvent } from '../mapping/events.js';
import { fromEsdbPosition } from '../mapping/positions.js';
import { lastApplicationPosition } from './readAll.js';

/** The catch-up reads and append signal `followLog` turns into a subscription on EventStoreDB. */
export const createLogSource = (
  client: EventStoreDBClient,
  appendSignal: AppendSignal,
  filter: EventFilter | undefined,
  pollMilliseconds: number,
): LogSource => {
  /**
   * Events strictly after `after`, reading at most `scanLimit` records of `$all`. The scan moves
   * past system events and command records too, so a run of them never stalls the loop.
   */
  const scan = async (after: Position | undefined, scanLimit: number, matchLimit: number) => {
    const reading = client.readAll({ fromPosition: after ?? 'start', maxCount: scanLimit + 1 });
    const events: RecordedEvent[] = [];
    let scannedTo = after;
    let scanned = 0;
    for await (const resolved of reading) {
      const raw = resolved.event;
      if (raw?.position === undefined) continue;
      const at = fromEsdbPosition(raw.position);
      if (after !== undefined && comparePositions(at, after) <= 0) continue;
      scanned += 1;
      scannedTo = at;
      if (!isInternalEvent(raw)) {
        const event = fromEsdbRecordedEvent(raw);
        if (matchesFilter(filter, event.streamName, event.type)) events.push(event);
      }
      if (events.length >= matchLimit || scanned >= scanLimit) {
        return { events, scannedTo, full: true };
      }
    }
    return { events, scannedTo, full: false };
  };
  return {
    // Filtering is on our side (EventStoreDB's `readAll` has no filter), so a page scans a
    // bounded number of events whether or not they match.
    readPage: (after, limit) => scan(after, limit * 4, limit),
    headPosition: () => lastApplicationPosition(client),
    async waitForAppend(after, signal) {
      const wait = appendSignal.next(signal, pollMilliseconds);
      const { scannedTo } = await scan(after, 1, 1);
      if (scannedTo !== after) wait.cancel();
      return wait.arrived;
    },
  };
};
