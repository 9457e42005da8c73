import type { SnapshotStore, StoredSnapshot } from '@clientele/eventstore';
import type { SqliteEventStore } from '../store/options.js';
import { jsonText } from '../store/index.js';

interface SnapshotRow {
  readonly revision: bigint;
  readonly state: string;
}

/**
 * Aggregate snapshots in the store's own file (the `snapshots` table), one per stream and state
 * version: saving again replaces it. Snapshots are a cache, so a save is a single statement
 * outside any append transaction; deleting the table's rows loses nothing.
 */
export const createSqliteSnapshotStore = (store: SqliteEventStore): SnapshotStore => {
  const db = store.database;
  const select = db
    .prepare('SELECT revision, state FROM snapshots WHERE stream_name = ? AND state_version = ?')
    .safeIntegers(true);
  const upsert = db.prepare(
    `INSERT INTO snapshots (stream_name, state_version, revision, state) VALUES (?, ?, ?, ?)
     ON CONFLICT (stream_name, state_version) DO UPDATE SET revision = excluded.revision, state = excluded.state`,
  );
  const remove = db.prepare('DELETE FROM snapshots WHERE stream_name = ?');
  return {
    load: async (streamName, stateVersion): Promise<StoredSnapshot | undefined> => {
      const row = select.get(streamName, stateVersion) as SnapshotRow | undefined;
      return row === undefined
        ? undefined
        : { revision: row.revision, state: JSON.parse(row.state) as unknown };
    },
    save: (streamName, stateVersion, snapshot) =>
      store.writeTransaction(() => {
        upsert.run(streamName, stateVersion, snapshot.revision, jsonText(snapshot.state));
      }),
    remove: (streamName) =>
      store.writeTransaction(() => {
        remove.run(streamName);
      }),
  };
};
