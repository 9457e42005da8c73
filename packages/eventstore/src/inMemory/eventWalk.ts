import type { RecordedEvent } from '../envelope/envelope.js';

/** Where a read of the in-memory log walks: which array, from which index, which way, how far. */
export interface EventWalk {
  /** The live array (a stream's or the log): events appended during the read are seen. */
  readonly events: readonly RecordedEvent[];
  /** The index of the first event to consider; out of range ends the read at once. */
  readonly start: number;
  /** 1 forwards, -1 backwards. */
  readonly step: 1 | -1;
  /** How many events to hand out at most. */
  readonly maxCount: number;
  /** Which events are handed out; the others are skipped and not counted. */
  readonly matches?: ((event: RecordedEvent) => boolean) | undefined;
}

const DONE: IteratorReturnResult<undefined> = Object.freeze({ done: true, value: undefined });

/**
 * The events of a walk as an async iterator that is its own iterable, like an async generator's
 * result: `open` runs at the first `next()` (as a generator's body would), an exception there
 * rejects that `next()`, and `return()` ends the read. A hand-written `next()` costs about half
 * of an async generator's resumption per event, which a fold over a long stream pays per event.
 */
export const walkEvents = (open: () => EventWalk): AsyncIterableIterator<RecordedEvent> => {
  let walk: EventWalk | undefined;
  let index = 0;
  let count = 0;
  let finished = false;
  const nextEvent = (): IteratorResult<RecordedEvent, undefined> => {
    if (finished) return DONE;
    if (walk === undefined) {
      // Marked first, so that an exception from `open` ends the read as it would a generator.
      finished = true;
      walk = open();
      index = walk.start;
      finished = false;
    }
    const { events, step, maxCount, matches } = walk;
    for (; count < maxCount && index >= 0 && index < events.length; index += step) {
      const event = events[index] as RecordedEvent;
      if (matches === undefined || matches(event)) {
        index += step;
        count += 1;
        return { done: false, value: event };
      }
    }
    finished = true;
    return DONE;
  };
  const iterator: AsyncIterableIterator<RecordedEvent> = {
    next: async () => nextEvent(),
    return: async () => {
      finished = true;
      return DONE;
    },
    [Symbol.asyncIterator]: () => iterator,
  };
  return iterator;
};
