import { createHash } from 'node:crypto';
import type { RecordedEvent } from '../envelope/envelope.js';
import { canonicalJson } from '../integrity/canonicalJson.js';

/**
 * A running SHA-256 over the fields a migration must preserve, event by event in log order:
 * stream name and revision, id, type, data and metadata. Positions and recorded times are left
 * out because each engine assigns its own. Two logs with the same hash hold the same history.
 */
export interface ContentHash {
  add(event: RecordedEvent): void;
  readonly count: () => number;
  /** The hex digest of everything added so far. */
  readonly digest: () => string;
}

/** Starts an empty content hash. */
export const createContentHash = (): ContentHash => {
  const hash = createHash('sha256');
  let count = 0;
  return {
    add(event) {
      const preserved = {
        streamName: event.streamName,
        streamRevision: event.streamRevision,
        eventId: event.eventId,
        type: event.type,
        data: event.data,
        metadata: event.metadata,
      };
      // One line per event, so the boundary between two events is unambiguous.
      hash.update(`${canonicalJson(preserved)}\n`, 'utf8');
      count += 1;
    },
    count: () => count,
    digest: () => hash.copy().digest('hex'),
  };
};

/** The content hash and event count of a whole log, read lazily. */
export const hashLog = async (
  log: AsyncIterable<RecordedEvent>,
): Promise<{ readonly count: number; readonly hash: string }> => {
  const hash = createContentHash();
  for await (const event of log) hash.add(event);
  return { count: hash.count(), hash: hash.digest() };
};
