import type { EventStore } from '@clientele/eventstore';

/** The business day of the last event in the log (`YYYY-MM-DD`), or today when the log is empty. */
export const latestBusinessDay = async (store: EventStore): Promise<string> => {
  for await (const event of store.readAll({ direction: 'backwards', maxCount: 1 }))
    return event.metadata.occurredAt.slice(0, 10);
  return new Date().toISOString().slice(0, 10);
};
