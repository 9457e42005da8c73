import * as t from 'io-ts';

/**
 * What the outbox publishes: one integration event in an envelope. `messageId` is derived from
 * the domain event's id and the integration event's type and version (uuid v5), so every
 * delivery of the same fact, a retry, a replay or a rebuild, carries the same id and a consumer
 * deduplicates by it. `sequence` orders the messages of one `streamName`.
 */
export const IntegrationMessage = t.type(
  {
    messageId: t.string,
    type: t.string,
    version: t.number,
    occurredAt: t.string,
    /** The domain stream the fact belongs to: messages of one stream arrive in order. */
    streamName: t.string,
    /** The domain event's revision in its stream. */
    sequence: t.string,
    correlationId: t.string,
    causationId: t.union([t.string, t.null]),
    data: t.UnknownRecord,
  },
  'IntegrationMessage',
);
/** What the outbox publishes: one integration event in an envelope. */
export type IntegrationMessage = t.TypeOf<typeof IntegrationMessage>;
