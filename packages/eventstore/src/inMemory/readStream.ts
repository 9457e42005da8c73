import type { RecordedEvent } from '../envelope/envelope.js';
import type { ReadStreamOptions } from '../eventStore/eventStore.js';
import type { MemoryLog } from './memoryLog.js';
import { namedReadStart } from './readStart.js';
import { walkEvents } from './eventWalk.js';

/** The index a stream read starts at: `from` itself, clamped to the stream's ends. */
const startIndex = (from: ReadStreamOptions['fromRevision'], length: number, backwards: boolean) =>
  namedReadStart(from, length, backwards) ??
  (backwards ? Math.min(Number(from), length - 1) : Number(from));

/** One stream's events from a revision, forwards or backwards, at most `maxCount` of them. */
export const readStream = (
  memory: MemoryLog,
  streamName: string,
  options: ReadStreamOptions = {},
): AsyncIterableIterator<RecordedEvent> =>
  walkEvents(() => {
    const events = memory.streams.get(streamName) ?? [];
    const backwards = options.direction === 'backwards';
    return {
      events,
      start: startIndex(options.fromRevision, events.length, backwards),
      step: backwards ? -1 : 1,
      maxCount: options.maxCount ?? Number.POSITIVE_INFINITY,
    };
  });
