import type { RecordedEvent } from '../envelope/envelope.js';
import type { ReadAllOptions } from '../eventStore/eventStore.js';
import { matchesFilter } from '../subscriptions/eventFilter.js';
import type { MemoryLog } from './memoryLog.js';
import { namedReadStart } from './readStart.js';
import { walkEvents } from './eventWalk.js';

/** The index a log read starts at (position n is `log[n - 1]`; reads include `from`). */
const startIndex = (from: ReadAllOptions['fromPosition'], length: number, backwards: boolean) => {
  const named = namedReadStart(from, length, backwards);
  if (named !== undefined || typeof from !== 'object') return named ?? 0;
  const index = backwards ? Math.min(Number(from.commit), length) - 1 : Number(from.commit) - 1;
  return Math.max(index, backwards ? -1 : 0);
};

/** The log's events from a position that match the filter, forwards or backwards. */
export const readAll = (
  memory: MemoryLog,
  options: ReadAllOptions = {},
): AsyncIterableIterator<RecordedEvent> =>
  walkEvents(() => {
    const { log } = memory;
    const { filter } = options;
    const backwards = options.direction === 'backwards';
    return {
      events: log,
      start: startIndex(options.fromPosition, log.length, backwards),
      step: backwards ? -1 : 1,
      maxCount: options.maxCount ?? Number.POSITIVE_INFINITY,
      matches:
        filter === undefined
          ? undefined
          : (event) => matchesFilter(filter, event.streamName, event.type),
    };
  });
