import type { AppendResult } from '../eventStore/eventStore.js';
import type { WrongExpectedRevision } from '../eventStore/wrongExpectedRevision.js';
import { positionToString } from '../envelope/position.js';
import { revisionToString } from '../envelope/revision.js';

/**
 * An append as plain data: revisions and the global position in their decimal string form (the
 * form `positionToString` writes and `parsePosition` reads back), so an outcome survives
 * `JSON.stringify` and crosses HTTP, queues and logs unchanged.
 */
export interface AppendedEvents {
  readonly streamName: string;
  /** Revision of the first event written, as a decimal string. */
  readonly firstRevision: string;
  /**
   * Revision of the last event written, as a decimal string: `BigInt(nextExpectedRevision)` is the
   * expected revision of the next append.
   */
  readonly nextExpectedRevision: string;
  /** Global position of the last event written, in its string form (see `parsePosition`). */
  readonly position: string;
  /** Ids of the events written, in order. */
  readonly eventIds: readonly string[];
  /** True when the command id had been recorded before and nothing new was written. */
  readonly duplicate: boolean;
}

/** What a handled command did, as plain data: `JSON.stringify` writes it as it is. */
export interface CommandOutcome<Event, State> {
  readonly streamName: string;
  /** The events this call appended: empty for a duplicate or a command that changes nothing. */
  readonly events: readonly Event[];
  /** The append, or for a duplicate the first append of this command id; undefined if none. */
  readonly appended: AppendedEvents | undefined;
  /** True when the command id had already been handled and nothing new was written. */
  readonly duplicate: boolean;
  /** The aggregate's state after the command. */
  readonly state: State;
}

/**
 * A concurrency conflict as plain data, the revisions in their string form (`"3"`, `"no_stream"`):
 * what a command failure carries, so it too survives `JSON.stringify`.
 */
export interface ConcurrencyConflict {
  readonly kind: 'WrongExpectedRevision';
  readonly streamName: string;
  /** The revision the writer expected: a decimal string, or `no_stream`, `stream_exists`, `any`. */
  readonly expected: string;
  /** What the stream held: its last revision as a decimal string, or `no_stream`. */
  readonly actual: string;
  /** `stream Lead-42: expected revision 3, but the stream is at revision 5`. */
  readonly message: string;
}

/** An engine's conflict as the plain data a command failure carries. */
export const concurrencyConflict = (conflict: WrongExpectedRevision): ConcurrencyConflict => ({
  kind: conflict.kind,
  streamName: conflict.streamName,
  expected: revisionToString(conflict.expected),
  actual: revisionToString(conflict.actual),
  message: conflict.message,
});

/** An engine's append result as the plain data an outcome carries. */
export const appendedEvents = (result: AppendResult, duplicate: boolean): AppendedEvents => ({
  streamName: result.streamName,
  firstRevision: result.firstRevision.toString(),
  nextExpectedRevision: result.nextExpectedRevision.toString(),
  position: positionToString(result.position),
  eventIds: result.eventIds,
  duplicate,
});
