import * as E from 'fp-ts/lib/Either.js';
import { v7 as uuidv7 } from 'uuid';
import type { EventToAppend, RecordedEvent } from '../envelope/envelope.js';
import type { EventStore } from '../eventStore/eventStore.js';
import { testEvent } from './contract/fixtures.js';

/** A store that groups commands' appends into commits (SQLite's and PostgreSQL's `groupCommit`). */
export interface GroupCommittingStore extends Pick<EventStore, 'appendToStream'> {
  groupCommit<T>(
    work: (commandDone: () => Promise<void>) => Promise<T>,
    options: { readonly commandsPerCommit: number },
  ): Promise<T>;
}

/** What {@link writeBatchesInGroups} writes. */
export interface BatchesInGroups {
  readonly batches: number;
  readonly commandsPerCommit: number;
  /** Builds each event; defaults to `testEvent`. A child process passes its own metadata. */
  readonly event?: (type: string, data: unknown) => EventToAppend;
}

/**
 * The writer of the readers-during-writes tests: appends `batches` multi-event batches (one command
 * each, 2 to 6 `BatchPartWritten` events tagged with their batch, index and size, over 7 streams)
 * inside one group commit that commits every `commandsPerCommit` commands. A reader meanwhile must
 * see whole batches and whole groups only ({@link batchesSeen}).
 */
export const writeBatchesInGroups = (
  store: GroupCommittingStore,
  writing: BatchesInGroups,
): Promise<void> => {
  const event = writing.event ?? testEvent;
  return store.groupCommit(
    async (commandDone) => {
      for (let n = 0; n < writing.batches; n += 1) {
        const batch = uuidv7();
        const size = 2 + (n % 5);
        const events = Array.from({ length: size }, (_, index) =>
          event('BatchPartWritten', { batch, index, of: size }),
        );
        const result = await store.appendToStream(`Readers-${String(n % 7)}`, events);
        if (E.isLeft(result)) throw new Error(result.left.message);
        await commandDone();
      }
    },
    { commandsPerCommit: writing.commandsPerCommit },
  );
};

/** The batches a read saw, each with how many of its events it saw and how many it has. */
export const batchesSeen = (
  events: readonly RecordedEvent[],
): { readonly count: number; readonly of: number }[] => {
  const seen = new Map<string, { count: number; of: number }>();
  for (const { data } of events) {
    const part = data as { batch: string; of: number };
    const entry = seen.get(part.batch) ?? { count: 0, of: part.of };
    seen.set(part.batch, { ...entry, count: entry.count + 1 });
  }
  return [...seen.values()];
};
