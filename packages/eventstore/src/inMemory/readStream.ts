import type { RecordedEvent } from '../envelope/envelope.js';
import type { ReadStreamOptions } from '../eventStore/eventStore.js';
import type { MemoryLog } from './memoryLog.js';
import { namedReadStart } from './readStart.js';

/** The index a stream read starts at: `from` itself, clamped to the stream's ends. */
const startIndex = (from: ReadStreamOptions['fromRevision'], length: number, backwards: boolean) =>
  namedReadStart(from, length, backwards) ??
  (backwards ? Math.min(Number(from), length - 1) : Number(from));

/** One stream's events from a revision, forwards or backwards, at most `maxCount` of them. */
export async function* readStream(
  memory: MemoryLog,
  streamName: string,
  options: ReadStreamOptions = {},
): AsyncGenerator<RecordedEvent> {
  const stream = memory.streams.get(streamName) ?? [];
  const backwards = options.direction === 'backwards';
  const step = backwards ? -1 : 1;
  let index = startIndex(options.fromRevision, stream.length, backwards);
  const maxCount = options.maxCount ?? Number.POSITIVE_INFINITY;
  for (let count = 0; count < maxCount && index >= 0 && index < stream.length; count += 1) {
    yield stream[index] as RecordedEvent;
    index += step;
  }
}
