import type pg from 'pg';
import type { CheckpointGuard, CheckpointStore } from '@clientele/eventstore';
import { FencedOutError, parsePosition, positionToString } from '@clientele/eventstore';
import { unlessUnavailable } from '../connection/connectionLoss.js';
import { inTransaction } from '../connection/inTransaction.js';
import { onceReady } from '../connection/onceReady.js';
import { checkFence } from '../leases/leaseRows.js';
import { ensureLeaseTable } from '../leases/postgresLeaseStore.js';
import { quoteSchemaName } from '../schema/schemaName.js';

/** Options of {@link createPostgresCheckpointStore}. */
export interface PostgresCheckpointStoreOptions {
  readonly pool: pg.Pool;
  /** The event store's schema: checkpoints live in its `checkpoints` table. */
  readonly schema: string;
}

/** Writes a guarded checkpoint in one transaction: the fence, then a compare-and-set. */
const guardedSave = async (
  client: pg.PoolClient,
  tables: { readonly checkpoints: string; readonly leases: string },
  checkpoint: { readonly name: string; readonly position: string; readonly guard: CheckpointGuard },
): Promise<void> => {
  const { name, position, guard } = checkpoint;
  if (guard.fence !== undefined) await checkFence(client, tables.leases, guard.fence);
  const written =
    guard.expected === undefined
      ? await client.query(
          `insert into ${tables.checkpoints} (name, position) values ($1, $2)
           on conflict (name) do nothing`,
          [name, position],
        )
      : await client.query(
          `update ${tables.checkpoints} set position = $2, updated_at = now()
           where name = $1 and position = $3`,
          [name, position, positionToString(guard.expected)],
        );
  if (written.rowCount !== 1) {
    throw new FencedOutError(`checkpoint ${name} was moved by another runner`);
  }
};

/**
 * Durable reactor checkpoints in the event store's schema, stored in the position's string form.
 * A save is a single upsert, so a crash leaves either the old checkpoint or the new one; a
 * guarded save also checks the lease's fencing token and the expected checkpoint, in one
 * transaction.
 */
export const createPostgresCheckpointStore = (
  options: PostgresCheckpointStoreOptions,
): CheckpointStore => {
  const { pool, schema } = options;
  const table = `${quoteSchemaName(schema)}.checkpoints`;
  // The lease table comes with the schema's migrations, so a fenced save always finds it.
  const migrated = onceReady(() => ensureLeaseTable(pool, schema));
  const load: CheckpointStore['load'] = async (name) => {
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
  };
  const save: CheckpointStore['save'] = async (name, position, guard) => {
    const leases = await migrated();
    if (guard === undefined) {
      await pool.query(
        `insert into ${table} (name, position) values ($1, $2)
           on conflict (name) do update set position = excluded.position, updated_at = now()`,
        [name, positionToString(position)],
      );
      return;
    }
    await inTransaction(pool, (client) =>
      guardedSave(
        client,
        { checkpoints: table, leases },
        { name, position: positionToString(position), guard },
      ),
    );
  };
  // A server that cannot be reached fails with the retryable `StoreUnavailableError`.
  return {
    load: (name) => unlessUnavailable(() => load(name)),
    save: (name, position, guard) => unlessUnavailable(() => save(name, position, guard)),
  };
};
