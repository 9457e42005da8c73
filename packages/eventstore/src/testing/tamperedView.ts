import type { RecordedEvent } from '../envelope/envelope.js';
import type { EventStore } from '../eventStore/eventStore.js';

/**
 * A view of a store whose log reads are passed through `tamper`, as if someone had edited the
 * database underneath: for exercising verification without an engine's raw files.
 */
export const tamperedView = (
  store: EventStore,
  tamper: (events: RecordedEvent[]) => RecordedEvent[],
): EventStore => {
  const tamperedLog = async () => {
    const events: RecordedEvent[] = [];
    for await (const event of store.readAll()) events.push(event);
    return tamper(events);
  };
  return {
    ...store,
    readAll: async function* () {
      yield* await tamperedLog();
    },
    readStream: async function* (streamName) {
      for (const event of await tamperedLog()) if (event.streamName === streamName) yield event;
    },
  };
};
