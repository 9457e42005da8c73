import { randomUUID } from 'node:crypto';
import type { EventStore } from '@clientele/eventstore';

/** One event of a hand-written history: its stream, type, data and business time. */
export interface HistoryEntry {
  readonly stream: string;
  readonly type: string;
  readonly data: unknown;
  /** `occurredAt`; a date alone means 09:00 UTC that day. */
  readonly at: string;
  /** The actor's id; defaults to `rep-1`. */
  readonly actor?: string;
}

/**
 * Appends a hand-written history, one event per append, in order: for report specs whose figures
 * are worked out by hand. The projections decode the data with the domain's codecs, so a history
 * that is not valid domain data fails loudly.
 */
export const appendHistory = async (
  store: EventStore,
  entries: readonly HistoryEntry[],
): Promise<void> => {
  for (const entry of entries) {
    const occurredAt = entry.at.length === 10 ? `${entry.at}T09:00:00.000Z` : entry.at;
    const commandId = randomUUID();
    await store.appendToStream(entry.stream, [
      {
        type: entry.type,
        data: entry.data,
        eventId: randomUUID(),
        metadata: {
          occurredAt,
          actor: { id: entry.actor ?? 'rep-1', role: 'salesRep' },
          correlationId: commandId,
          causationId: null,
          commandId,
          schemaVersion: 1,
        },
      },
    ]);
  }
};
