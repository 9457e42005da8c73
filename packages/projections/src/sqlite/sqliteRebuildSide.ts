import { availableParallelism } from 'node:os';
import { createSqliteEventStore } from '@clientele/eventstore-sqlite';
import { allReadModels } from '../readModels/index.js';
import type { OpenRebuildSide, RebuildThreads } from '../runner/rebuildThreads.js';
import { createSqliteReadModelStore } from './sqliteReadModelStore.js';

/** What a SQLite rebuild thread opens: the store's file, whose read models live beside the log. */
export interface SqliteRebuildConfig {
  readonly file: string;
}

const isConfig = (config: unknown): config is SqliteRebuildConfig =>
  typeof config === 'object' &&
  config !== null &&
  typeof (config as { file?: unknown }).file === 'string';

/**
 * Opens the SQLite engine's file on a rebuild thread's own connection, with Clientele's read
 * models (`allReadModels`) kept in the same file, as the CLI keeps them.
 */
export const openSqliteRebuildSide: OpenRebuildSide = (config) => {
  if (!isConfig(config))
    return Promise.reject(new TypeError('a SQLite rebuild thread needs { file: string }'));
  const events = createSqliteEventStore({ file: config.file });
  const readModels = createSqliteReadModelStore({ database: events.database });
  return Promise.resolve({
    events,
    readModels,
    projections: allReadModels,
    close: async () => {
      await readModels.close();
      await events.close();
    },
  });
};

/**
 * Rebuilds Clientele's read models of a SQLite store file on `threads` threads (by default one
 * per core, at most four): pass it as `rebuildThreads` to `createProjectionRunner`. The main
 * thread's runner must use the same file and `allReadModels`.
 */
export const sqliteRebuildThreads = (
  file: string,
  threads = Math.min(availableParallelism(), 4),
): RebuildThreads => ({
  module: new URL('./rebuildThread.js', import.meta.url),
  config: { file } satisfies SqliteRebuildConfig,
  threads,
});
