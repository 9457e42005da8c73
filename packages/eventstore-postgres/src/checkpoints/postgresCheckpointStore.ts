import type pg from 'pg';
import type { CheckpointStore } from '@clientele/eventstore';
import { parsePosition, positionToString } from '@clientele/eventstore';
import { migrateSchema } from '../schema/migrateSchema.js';
import { quoteSchemaName } from '../schema/schemaName.js';

/** Options of {@link createPostgresCheckpointStore}. */
export interface PostgresCheckpointStoreOptions {
  readonly pool: pg.Pool;
  /** The event store's schema: checkpoints live in its `checkpoints` table. */
  readonly schema: string;
}

/**
 * Durable reactor checkpoints in the event store's schema, stored in the position's string form.
 * A save is a single upsert, so a crash leaves either the old checkpoint or the new one.
 */
export const createPostgresCheckpointStore = (
  options: PostgresCheckpointStoreOptions,
): CheckpointStore => {
  const { pool, schema } = options;
  const table = `${quoteSchemaName(schema)}.checkpoints`;
  let ready: Promise<unknown> | undefined;
  const migrated = () => (ready ??= migrateSchema(pool, schema));
  return {
    async load(name) {
      await migrated();
      const { rows } = await pool.query<{ position: string }>(
        `select position from ${table} where name = $1`,
        [name],
      );
      const row = rows[0];
      if (row === undefined) return undefined;
      const parsed = parsePosition(row.position);
      if (parsed._tag === 'Left') throw new Error(`checkpoint ${name} in ${table}: ${parsed.left}`);
      return parsed.right;
    },
    async save(name, position) {
      await migrated();
      await pool.query(
        `insert into ${table} (name, position) values ($1, $2)
         on conflict (name) do update set position = excluded.position, updated_at = now()`,
        [name, positionToString(position)],
      );
    },
  };
};
