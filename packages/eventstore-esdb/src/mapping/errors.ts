import { StreamNotFoundError, WrongExpectedVersionError } from '@eventstore/db-client';
import type { ExpectedRevision, WrongExpectedRevision } from '@clientele/eventstore';
import { wrongExpectedRevision } from '@clientele/eventstore';
import { fromEsdbCurrentRevision } from './revisions.js';

/**
 * A thrown `WrongExpectedVersionError` as our conflict value, or undefined for any other error
 * (which stays a fault). The expectation is ours, as the caller passed it.
 */
export const toWrongExpectedRevision = (
  error: unknown,
  streamName: string,
  expected: ExpectedRevision,
): WrongExpectedRevision | undefined =>
  error instanceof WrongExpectedVersionError
    ? wrongExpectedRevision(streamName, expected, fromEsdbCurrentRevision(error.actualVersion))
    : undefined;

/** Whether a read failed only because the stream does not exist (we read that as empty). */
export const isStreamNotFound = (error: unknown): boolean => error instanceof StreamNotFoundError;
