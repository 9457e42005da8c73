import type { RecordedEvent } from '../envelope/envelope.js';
import type { CurrentRevision } from '../envelope/revision.js';
import { NO_STREAM } from '../envelope/revision.js';
import type { AppendResult } from '../eventStore/eventStore.js';
import type { AppendSignal } from '../subscriptions/appendSignal.js';
import { createAppendSignal } from '../subscriptions/appendSignal.js';

/**
 * The in-memory engine's state, shared by its operations: the log in position order (position n is
 * `log[n - 1]`), each stream's events in revision order, the recorded command ids, and the signal
 * that wakes subscribers waiting for an append.
 */
export interface MemoryLog {
  readonly log: RecordedEvent[];
  readonly streams: Map<string, RecordedEvent[]>;
  readonly commands: Map<string, AppendResult>;
  readonly appendSignal: AppendSignal;
  /** The clock that stamps `recordedAt`. */
  readonly now: () => Date;
}

/** An empty log stamped by `now`. */
export const createMemoryLog = (now: () => Date): MemoryLog => {
  const log: RecordedEvent[] = [];
  return {
    log,
    streams: new Map(),
    commands: new Map(),
    appendSignal: createAppendSignal({ head: () => log[log.length - 1]?.position }),
    now,
  };
};

/** A stream's revision: its last event's, or `NO_STREAM`. */
export const currentRevision = (memory: MemoryLog, streamName: string): CurrentRevision => {
  const stream = memory.streams.get(streamName);
  return stream === undefined ? NO_STREAM : BigInt(stream.length - 1);
};
