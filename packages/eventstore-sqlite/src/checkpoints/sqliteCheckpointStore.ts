import type { CheckpointStore, Position } from '@clientele/eventstore';
import { parsePosition, positionToString } from '@clientele/eventstore';
import type { SqliteEventStore } from '../options.js';

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
 * crash can never apply an event twice or skip one.
 */
export const createSqliteCheckpointStore = (store: SqliteEventStore): SqliteCheckpointStore => {
  const db = store.database;
  const select = db.prepare('SELECT position FROM checkpoints WHERE name = ?').pluck();
  const upsert = db.prepare(
    'INSERT INTO checkpoints (name, position) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET position = excluded.position',
  );
  const saveNow = (name: string, position: Position): void => {
    upsert.run(name, positionToString(position));
  };
  return {
    load: async (name) => {
      const text = select.get(name) as string | undefined;
      if (text === undefined) return undefined;
      const parsed = parsePosition(text);
      if (parsed._tag === 'Left') throw new Error(`checkpoint ${name}: ${parsed.left}`);
      return parsed.right;
    },
    save: (name, position) => store.writeTransaction(() => saveNow(name, position)),
    saveNow,
  };
};
