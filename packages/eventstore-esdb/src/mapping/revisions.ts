import type {
  AppendExpectedRevision,
  CurrentRevision as EsdbCurrentRevision,
} from '@eventstore/db-client';
import type { CurrentRevision, ExpectedRevision } from '@clientele/eventstore';
import { ANY, NO_STREAM, STREAM_EXISTS } from '@clientele/eventstore';

/**
 * Our expected revision as EventStoreDB's. The constants are spelled the same and a bigint means
 * the same thing (the last event's revision), so this is a checked identity.
 */
export const toEsdbExpectedRevision = (expected: ExpectedRevision): AppendExpectedRevision => {
  switch (expected) {
    case ANY:
      return 'any';
    case NO_STREAM:
      return 'no_stream';
    case STREAM_EXISTS:
      return 'stream_exists';
    default:
      return expected;
  }
};

/**
 * EventStoreDB's actual revision in a `WrongExpectedVersionError`: a bigint, or the string
 * `"no_stream"` when the stream does not exist (never a number).
 */
export const fromEsdbCurrentRevision = (actual: EsdbCurrentRevision): CurrentRevision =>
  actual === 'no_stream' ? NO_STREAM : actual;
