import type { CurrentRevision, ExpectedRevision } from '../envelope/revision.js';
import { revisionToString } from '../envelope/revision.js';

/**
 * A concurrency conflict: the stream was not in the state the writer expected. Returned as a
 * value (`Left`) by `appendToStream`; nothing was written.
 */
export interface WrongExpectedRevision {
  readonly kind: 'WrongExpectedRevision';
  readonly streamName: string;
  readonly expected: ExpectedRevision;
  /** What the stream held: its last revision, or `NO_STREAM` if it does not exist. */
  readonly actual: CurrentRevision;
  /** `stream Lead-42: expected revision 3, but the stream is at revision 5`. */
  readonly message: string;
}

/** Builds the conflict value with a message that names stream, expected and actual revision. */
export const wrongExpectedRevision = (
  streamName: string,
  expected: ExpectedRevision,
  actual: CurrentRevision,
): WrongExpectedRevision => ({
  kind: 'WrongExpectedRevision',
  streamName,
  expected,
  actual,
  message: `stream ${streamName}: expected ${describeExpected(expected)}, but ${describeActual(actual)}`,
});

const describeExpected = (expected: ExpectedRevision): string =>
  typeof expected === 'bigint' ? `revision ${expected}` : `"${revisionToString(expected)}"`;

const describeActual = (actual: CurrentRevision): string =>
  typeof actual === 'bigint' ? `the stream is at revision ${actual}` : 'the stream does not exist';
