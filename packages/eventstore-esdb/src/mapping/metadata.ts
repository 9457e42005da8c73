import type { EventMetadata } from '@clientele/eventstore';
import { DecodeError, EventMetadata as EventMetadataCodec } from '@clientele/eventstore';

/** Our metadata in EventStoreDB's convention: `$correlationId` and `$causationId` plus our fields. */
export type EsdbMetadata = Omit<EventMetadata, 'correlationId' | 'causationId'> & {
  readonly $correlationId: string;
  /** Left out for an event no other event caused (EventStoreDB expects a string when present). */
  readonly $causationId?: string;
};

/**
 * Writes the correlation and causation ids under the names EventStoreDB's projections and UI
 * read (`$correlationId`, `$causationId`); the other fields keep our names.
 */
export const toEsdbMetadata = (metadata: EventMetadata): EsdbMetadata => {
  const { correlationId, causationId, ...rest } = metadata;
  return causationId === null
    ? { ...rest, $correlationId: correlationId }
    : { ...rest, $correlationId: correlationId, $causationId: causationId };
};

/** Reads stored metadata back to ours, decoding it: a foreign or damaged event is a fault. */
export const fromEsdbMetadata = (stored: unknown, where: string): EventMetadata => {
  const { $correlationId, $causationId, ...rest } = (
    typeof stored === 'object' && stored !== null ? stored : {}
  ) as Record<string, unknown>;
  const candidate = { ...rest, correlationId: $correlationId, causationId: $causationId ?? null };
  const decoded = EventMetadataCodec.decode(candidate);
  if (decoded._tag === 'Left') throw new DecodeError(`${where}: metadata`, decoded.left);
  return EventMetadataCodec.encode(decoded.right);
};
