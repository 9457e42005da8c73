import type { CheckpointStore, Position } from '@clientele/eventstore';
import {
  FencedOutError,
  parsePosition,
  positionToString,
  sameCheckpoint,
} from '@clientele/eventstore';
import { createSqliteLeaseRows } from '../leases/leaseRows.js';
import { ensureLeaseTable } from '../leases/sqliteLeaseStore.js';
import type { SqliteEventStore } from '../store/options.js';

/** A checkpoint store whose saves can also join a transaction the caller runs. */
export interface SqliteCheckpointStore extends CheckpointStore {
  /**
   * Saves synchronously on the store's connection: call it inside `store.writeTransaction` to
   * commit a checkpoint together with the read-model rows it covers.
   */
  saveNow(name: string, position: Position): void;
}

/**
 * Durable checkpoints in the store's own file (the `checkpoints` table), kept in the stable
 * string form of positions. Saving in the same transaction as a projection's documents means a
 * crash can never apply an event twice or skip one. A guarded save checks the lease's fencing
 * token and the expected checkpoint in the same transaction.
 */
export const createSqliteCheckpointStore = (store: SqliteEventStore): SqliteCheckpointStore => {
  const db = store.database;
  const select = db.prepare('SELECT position FROM checkpoints WHERE name = ?').pluck();
  const upsert = db.prepare(
    'INSERT INTO checkpoints (name, position) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET position = excluded.position',
  );
  let fences: ReturnType<typeof createSqliteLeaseRows> | undefined;
  const saveNow = (name: string, position: Position): void => {
    upsert.run(name, positionToString(position));
  };
  const loadNow = (name: string): Position | undefined => {
    const text = select.get(name) as string | undefined;
    if (text === undefined) return undefined;
    const parsed = parsePosition(text);
    if (parsed._tag === 'Left') throw new Error(`checkpoint ${name}: ${parsed.left}`);
    return parsed.right;
  };
  return {
    load: async (name) => loadNow(name),
    save: (name, position, guard) =>
      store.writeTransaction(() => {
        if (guard?.fence !== undefined) {
          if (fences === undefined) {
            ensureLeaseTable(db);
            fences = createSqliteLeaseRows(db, 'leases');
          }
          fences.check(guard.fence);
        }
        if (guard !== undefined && !sameCheckpoint(loadNow(name), guard.expected)) {
          throw new FencedOutError(`checkpoint ${name} was moved by another runner`);
        }
        saveNow(name, position);
      }),
    saveNow,
  };
};
