import { createHash } from 'node:crypto';
import type { EventToAppend } from '../envelope/envelope.js';
import { canonicalJson } from './canonicalJson.js';

/** The hash-chain value of the first event of a stream's predecessor: there is none. */
export const GENESIS = null;

/**
 * The stream hash-chain value of one event: SHA-256, hex, over the canonical JSON of
 *
 * ```json
 * { "data": …, "eventId": "…", "metadata": { …without "chain"… }, "previous": "<hex>" | null,
 *   "streamName": "…", "streamRevision": "<decimal>", "type": "…" }
 * ```
 *
 * `previous` is the chain value of the event before it in the same stream (null at revision 0).
 * Only caller-supplied fields and the stream revision are covered, so the value survives a
 * migration between engines; positions and recorded times are each engine's own.
 */
export const eventHash = (
  event: EventToAppend,
  streamName: string,
  streamRevision: bigint,
  previous: string | null,
): string => {
  const { chain: _chain, ...metadata } = event.metadata;
  const canonical = canonicalJson({
    data: event.data,
    eventId: event.eventId,
    metadata,
    previous,
    streamName,
    streamRevision: streamRevision.toString(),
    type: event.type,
  });
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
};
