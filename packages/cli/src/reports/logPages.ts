import type { EventStore, RecordedEvent } from '@clientele/eventstore';

/** Events handed to a report at a time. */
const PAGE_EVENTS = 1_000;

/**
 * Walks the log's events of `eventTypes` in log order, filtered by the engine, and hands them to
 * `onPage` a page at a time: a report keeps what it derives from each page (the decoded events it
 * folds), never every event of the log at once, so a report's memory follows the events it reads
 * rather than the log's length.
 */
export const forEachLogPage = async (
  events: EventStore,
  eventTypes: readonly string[],
  onPage: (page: readonly RecordedEvent[]) => void,
): Promise<void> => {
  let page: RecordedEvent[] = [];
  for await (const event of events.readAll({ filter: { eventTypes } })) {
    page.push(event);
    if (page.length === PAGE_EVENTS) {
      onPage(page);
      page = [];
    }
  }
  if (page.length > 0) onPage(page);
};

/**
 * The log's events of `eventTypes`, decoded and dated by `dated` (one of the projections'
 * `dated…Events`) a page at a time: only the decoded events are held.
 */
export const readDatedEvents = async <Dated>(
  events: EventStore,
  eventTypes: readonly string[],
  dated: (page: readonly RecordedEvent[]) => readonly Dated[],
): Promise<Dated[]> => {
  const all: Dated[] = [];
  await forEachLogPage(events, eventTypes, (page) => {
    for (const event of dated(page)) all.push(event);
  });
  return all;
};

/** The key counted most often (the first counted among equals), or undefined for none. */
export const mostFrequent = (counts: ReadonlyMap<string, number>): string | undefined =>
  [...counts].sort(([, a], [, b]) => b - a)[0]?.[0];
