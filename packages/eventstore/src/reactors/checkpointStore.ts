import type { Position } from '../envelope/position.js';
import type { InMemoryLeaseStore } from '../leases/inMemoryLeaseStore.js';
import type { CheckpointGuard } from '../leases/lease.js';
import { FencedOutError, sameCheckpoint } from '../leases/lease.js';

/**
 * Where a reactor or projection remembers how far it has processed the log. Engines provide
 * durable ones; a projection store saves its checkpoint in the same transaction as its documents.
 */
export interface CheckpointStore {
  load(name: string): Promise<Position | undefined>;
  /**
   * Saves `position`. With a guard the save is a compare-and-set: it throws
   * `FencedOutError`, writing nothing, unless the stored checkpoint is still `guard.expected` and
   * `guard.fence` (if any) still names the lease's current token.
   */
  save(name: string, position: Position, guard?: CheckpointGuard): Promise<void>;
}

/**
 * Checkpoints kept in a map: for tests and for reactors that may start over from the beginning.
 * Fences are checked against `leases` when given.
 */
export const createInMemoryCheckpointStore = (leases?: InMemoryLeaseStore): CheckpointStore => {
  const checkpoints = new Map<string, Position>();
  return {
    load: async (name) => checkpoints.get(name),
    save: async (name, position, guard) => {
      if (guard !== undefined) {
        if (!sameCheckpoint(checkpoints.get(name), guard.expected)) {
          throw new FencedOutError(`checkpoint ${name} was moved by another runner`);
        }
        if (guard.fence !== undefined && leases?.holds(guard.fence) !== true) {
          throw new FencedOutError(`lease ${guard.fence.lease} was taken by another runner`);
        }
      }
      checkpoints.set(name, position);
    },
  };
};
