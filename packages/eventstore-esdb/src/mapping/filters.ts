import type { Filter } from '@eventstore/db-client';
import { eventTypeFilter, excludeSystemEvents, streamNameFilter } from '@eventstore/db-client';
import type { EventFilter } from '@clientele/eventstore';

const escapeRegex = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The server-side part of our filter. EventStoreDB filters a subscription on stream names or on
 * event types, not both, so with both the stream-name prefixes go to the server and the types are
 * checked on arrival (the engine always re-checks the whole filter). Without a filter, system
 * events are excluded at the server.
 */
export const toEsdbFilter = (filter: EventFilter | undefined): Filter => {
  if (filter?.streamNamePrefixes !== undefined) {
    return streamNameFilter({ prefixes: [...filter.streamNamePrefixes] });
  }
  if (filter?.eventTypes !== undefined) {
    const types = filter.eventTypes.map(escapeRegex).join('|');
    return eventTypeFilter({ regex: `^(?:${types})$` });
  }
  return excludeSystemEvents();
};
