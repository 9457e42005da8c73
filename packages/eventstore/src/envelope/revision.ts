/** The stream must not exist yet (its first event gets revision 0). */
export const NO_STREAM = 'no_stream' as const;
/** The stream must already hold at least one event. */
export const STREAM_EXISTS = 'stream_exists' as const;
/** No check: append whatever the stream holds. */
export const ANY = 'any' as const;

/**
 * What the writer believes about a stream when it appends, with EventStoreDB's meaning: a bigint is
 * the revision of the stream's last event (0-based).
 */
export type ExpectedRevision = typeof NO_STREAM | typeof STREAM_EXISTS | typeof ANY | bigint;

/** What a stream actually holds: the revision of its last event, or `NO_STREAM` if it has none. */
export type CurrentRevision = bigint | typeof NO_STREAM;

/** Whether an append made with `expected` may go ahead on a stream whose state is `current`. */
export const satisfiesExpectedRevision = (
  expected: ExpectedRevision,
  current: CurrentRevision,
): boolean => {
  switch (expected) {
    case ANY:
      return true;
    case NO_STREAM:
      return current === NO_STREAM;
    case STREAM_EXISTS:
      return current !== NO_STREAM;
    default:
      return current === expected;
  }
};

/** A revision or expectation as text, for messages: `"no_stream"`, `"any"`, `"41"`. */
export const revisionToString = (revision: ExpectedRevision | CurrentRevision): string =>
  typeof revision === 'bigint' ? revision.toString() : revision;
