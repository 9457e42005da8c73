import { afterAll, describe, it } from 'vitest';
import type { SqliteEventStore } from '@clientele/eventstore-sqlite';
import { createSqliteEventStore, createSqliteLeaseStore } from '@clientele/eventstore-sqlite';
import { createSqliteReadModelStore } from '@clientele/projections/sqlite';
import { tempStoreFile } from '../../../packages/eventstore-sqlite/test/support/childScripts.js';
import { runAppServers } from './runAppServers.js';

/** Whether another connection holds the file's write lock now: a probe that waits for nothing. */
const holdsWriteLock = (database: SqliteEventStore['database']): boolean => {
  database.pragma('busy_timeout = 0');
  try {
    database.exec('BEGIN IMMEDIATE');
    database.exec('ROLLBACK');
    return false;
  } catch (error) {
    if (error instanceof Error && 'code' in error && String(error.code).startsWith('SQLITE_BUSY'))
      return true;
    throw error;
  } finally {
    database.pragma('busy_timeout = 5000');
  }
};

describe('four app servers on one SQLite file', () => {
  const { file, remove } = tempStoreFile();
  afterAll(remove);

  it('keep every read model equal to a rebuild and every reactor effect single through a kill and a pause', async () => {
    // Create the file first, so the servers race on commands rather than on the first migration.
    const store = createSqliteEventStore({ file });
    const readModels = createSqliteReadModelStore({ database: store.database });
    createSqliteLeaseStore(store);
    const watcher = store.database;
    try {
      const run = await runAppServers(
        {
          store,
          readModels,
          checkpoints: async () =>
            new Map([
              ...(
                watcher
                  .prepare(
                    `SELECT name || '/' || build AS name, checkpoint FROM projection_builds WHERE checkpoint IS NOT NULL`,
                  )
                  .all() as { name: string; checkpoint: string }[]
              ).map((r) => [r.name, r.checkpoint] as const),
              ...(
                watcher.prepare('SELECT name, position FROM checkpoints').all() as {
                  name: string;
                  position: string;
                }[]
              ).map((r) => [r.name, r.position] as const),
            ]),
          writeLocked: async () => {
            // Locked means held across three probes 100 ms apart, not just one commit's moment.
            for (let probe = 0; probe < 3; probe += 1) {
              if (probe > 0) await new Promise((resolve) => setTimeout(resolve, 100));
              if (!holdsWriteLock(watcher)) return false;
            }
            return true;
          },
          leaseHolders: async () => {
            const rows = watcher
              .prepare(
                `SELECT name, holder FROM projection_leases WHERE expires_at > ?
                 UNION ALL SELECT name, holder FROM leases WHERE expires_at > ?`,
              )
              .all(Date.now(), Date.now()) as { name: string; holder: string }[];
            return new Map(rows.map((r) => [r.name, r.holder]));
          },
        },
        ['sqlite', file],
        { runMs: 5_000, ttlMs: 1_000 },
      );
      console.log(`four app servers on SQLite: ${JSON.stringify(run)}`);
    } finally {
      await readModels.close();
      await store.close();
    }
  }, 240_000);
});
