import type { Position } from '../envelope/position.js';

/**
 * Where a reactor or projection remembers how far it has processed the log. Engines provide
 * durable ones; a projection store saves its checkpoint in the same transaction as its documents.
 */
export interface CheckpointStore {
  load(name: string): Promise<Position | undefined>;
  save(name: string, position: Position): Promise<void>;
}

/** Checkpoints kept in a map: for tests and for reactors that may start over from the beginning. */
export const createInMemoryCheckpointStore = (): CheckpointStore => {
  const checkpoints = new Map<string, Position>();
  return {
    load: async (name) => checkpoints.get(name),
    save: async (name, position) => {
      checkpoints.set(name, position);
    },
  };
};
