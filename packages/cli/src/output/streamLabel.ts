/**
 * A stream as an auditor reads it. Duplicate-check reservations (`CustomerKey-<tenant>.<hash>`)
 * are internal bookkeeping that names a customer, not a business record: they are labelled so,
 * since the keyed hash in their name means nothing to a reader.
 */
export const streamLabel = (streamName: string): string =>
  streamName.startsWith('CustomerKey-') ? 'duplicate-check reservation (internal)' : streamName;
