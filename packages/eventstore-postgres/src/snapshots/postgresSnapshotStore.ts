import type pg from 'pg';
import type { SnapshotStore, StoredSnapshot } from '@clientele/eventstore';
import { migrateSchema } from '../schema/migrateSchema.js';
import { quoteSchemaName } from '../schema/schemaName.js';

/** Options of {@link createPostgresSnapshotStore}. */
export interface PostgresSnapshotStoreOptions {
  readonly pool: pg.Pool;
  /** The event store's schema: snapshots live in its `snapshots` table. */
  readonly schema: string;
}

/**
 * Aggregate snapshots in the event store's schema, one per stream and state version: saving
 * again replaces it. A snapshot is a cache, so a save is one upsert outside any append. Removed
 * rows stay in the table's pages until a vacuum: after forgetting a person, run `VACUUM FULL` on
 * `snapshots` as on `data_keys` (see `purgeErasedData`).
 */
export const createPostgresSnapshotStore = (
  options: PostgresSnapshotStoreOptions,
): SnapshotStore => {
  const { pool, schema } = options;
  const table = `${quoteSchemaName(schema)}.snapshots`;
  let ready: Promise<unknown> | undefined;
  const migrated = () => (ready ??= migrateSchema(pool, schema));
  return {
    async load(streamName, stateVersion): Promise<StoredSnapshot | undefined> {
      await migrated();
      const { rows } = await pool.query<{ revision: string; state: unknown }>(
        `select revision::text as revision, state from ${table}
         where stream_name = $1 and state_version = $2`,
        [streamName, stateVersion],
      );
      const row = rows[0];
      return row === undefined ? undefined : { revision: BigInt(row.revision), state: row.state };
    },
    async save(streamName, stateVersion, snapshot) {
      await migrated();
      await pool.query(
        `insert into ${table} (stream_name, state_version, revision, state)
         values ($1, $2, $3, $4::jsonb)
         on conflict (stream_name, state_version)
         do update set revision = excluded.revision, state = excluded.state, saved_at = now()`,
        [streamName, stateVersion, snapshot.revision.toString(), JSON.stringify(snapshot.state)],
      );
    },
    async remove(streamName) {
      await migrated();
      await pool.query(`delete from ${table} where stream_name = $1`, [streamName]);
    },
  };
};
