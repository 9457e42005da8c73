import * as E from 'fp-ts/lib/Either.js';
import type { EventStore } from '@clientele/eventstore';
import type { ReadModelStore } from '@clientele/projections';
import { withDomainUpcasting } from '@clientele/domain';
import { allReadModels, createProjectionRunner } from '@clientele/projections';
import type { ProjectionProgress, ProjectionRunner } from '@clientele/projections';
import { openExistingStore } from './openStore.js';
import { protectedStore } from './protectedStore.js';

/** The event store, the read models kept beside it, and a runner over all of Clientele's projections. */
export interface ReadSide {
  /** The log with personal fields decrypted (erased once forgotten), for audits and exports. */
  readonly events: EventStore;
  /** The log as stored (personal fields still encrypted): for walks that need no personal data. */
  readonly log: EventStore;
  readonly readModels: ReadModelStore;
  readonly runner: ProjectionRunner;
  close(): Promise<void>;
}

/**
 * Opens a store and its read models: on SQLite they live in the same file (their own tables), so
 * a demo or an import is one file to copy; in memory they live in memory. A rebuild runs on
 * `rebuildThreads` threads where the engine allows it (SQLite), on one thread elsewhere.
 */
export const openReadSide = async (
  url: string,
  cwd: string,
  onProgress?: (progress: ProjectionProgress) => void,
  rebuildThreads = 1,
): Promise<E.Either<string, ReadSide>> => {
  const opened = await openExistingStore(url, cwd);
  if (E.isLeft(opened)) return opened;
  const engine = opened.right.store;
  const stack = protectedStore(opened.right);
  // Every walk of the log reads old events in today's shape; projections upcast in their decoder.
  const log = withDomainUpcasting(engine);
  const events = E.isRight(stack) ? stack.right.store : log;
  // The read models live in the SQLite file's own tables, in a PostgreSQL schema next to the log's,
  // and in memory for the in-memory and EventStoreDB engines (rebuilt from the log each run).
  const readModels = opened.right.readModels();
  // Projections read the raw log: they need no key, and read models hold no personal data.
  const runner = createProjectionRunner({
    events: engine,
    readModels,
    projections: allReadModels,
    onProgress,
    rebuildThreads: opened.right.rebuildThreads?.(rebuildThreads),
  });
  return E.right({
    events,
    log,
    readModels,
    runner,
    close: async () => {
      await readModels.close();
      await (E.isRight(stack) ? stack.right.close() : engine.close());
    },
  });
};
