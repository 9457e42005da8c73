/**
 * The entry of a SQLite rebuild worker thread (see `sqliteRebuildThreads`): it opens the file
 * named by the main thread and rebuilds the projections assigned to it.
 *
 * @packageDocumentation
 */
import { serveRebuildThread } from '../runner/serveRebuildThread.js';
import { openSqliteRebuildSide } from './sqliteRebuildSide.js';

await serveRebuildThread(openSqliteRebuildSide);
