import type { EventFilter } from '../eventStore/eventStore.js';

/** Whether an event of `eventType` in `streamName` passes the filter (no filter passes all). */
export const matchesFilter = (
  filter: EventFilter | undefined,
  streamName: string,
  eventType: string,
): boolean => {
  if (filter === undefined) return true;
  const { streamNamePrefixes, eventTypes } = filter;
  if (
    streamNamePrefixes !== undefined &&
    !streamNamePrefixes.some((p) => streamName.startsWith(p))
  ) {
    return false;
  }
  return eventTypes === undefined || eventTypes.includes(eventType);
};
