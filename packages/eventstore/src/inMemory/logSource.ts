import type { RecordedEvent } from '../envelope/envelope.js';
import type { Position } from '../envelope/position.js';
import type { SubscribeToAllOptions } from '../eventStore/eventStore.js';
import { matchesFilter } from '../subscriptions/eventFilter.js';
import type { LogSource } from '../subscriptions/followLog.js';
import type { MemoryLog } from './memoryLog.js';

/** The log index just after `after` (positions are 1-based indexes into the log). */
const indexAfter = (after: Position | undefined): number =>
  after === undefined ? 0 : Number(after.commit);

/** The in-memory log as a subscription's source: pages of matching events, and the wait. */
export const logSource = (
  memory: MemoryLog,
  filter: SubscribeToAllOptions['filter'],
): LogSource => {
  const { log } = memory;
  return {
    readPage: async (after, limit) => {
      const events: RecordedEvent[] = [];
      let index = indexAfter(after);
      for (; index < log.length && events.length < limit; index += 1) {
        const event = log[index] as RecordedEvent;
        if (matchesFilter(filter, event.streamName, event.type)) events.push(event);
      }
      const scanned = log[index - 1];
      return { events, scannedTo: scanned?.position ?? after, full: index < log.length };
    },
    headPosition: async () => log[log.length - 1]?.position,
    waitForAppend: (after, signal) => memory.appendSignal.waitBeyond(after, signal),
  };
};
