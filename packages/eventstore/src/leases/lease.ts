import type { Position } from '../envelope/position.js';
import { positionsEqual } from '../envelope/position.js';

/**
 * A lease held: who holds it, and the fencing token of this tenure. The token grows every time
 * the lease changes hands, so a write stamped with an older token is known to be stale.
 */
export interface Lease {
  readonly name: string;
  readonly holder: string;
  readonly token: bigint;
}

/** What a guarded write checks inside its own transaction: this lease still has this token. */
export interface Fence {
  readonly lease: string;
  readonly token: bigint;
}

/**
 * Elects one active runner per projection build or reactor across processes. Engines keep the
 * leases beside the checkpoints they guard, so a commit can check its fence in its transaction.
 */
export interface LeaseStore {
  /**
   * Takes the lease for `holder` for `ttlMs` when it is free, expired, or already held by
   * `holder` (then it is extended and keeps its token). A change of holder increments the token.
   * Undefined while another holder's lease runs.
   */
  acquire(name: string, holder: string, ttlMs: number): Promise<Lease | undefined>;
  /** Expires the lease now if `lease` is still current, so a standby can take over at once. */
  release(lease: Lease): Promise<void>;
}

/**
 * What a checkpoint write requires to still hold when it commits (compare-and-set): the
 * checkpoint is the one the batch started from, and the fence, when given, is current.
 */
export interface CheckpointGuard {
  readonly expected: Position | undefined;
  readonly fence?: Fence;
}

/**
 * A guarded write was refused: another runner took the lease (the token moved on) or moved the
 * checkpoint. Nothing of the write was committed; the runner that gets it steps back.
 */
export class FencedOutError extends Error {
  override readonly name = 'FencedOutError';
}

/** Whether two checkpoints are the same (undefined: nothing processed yet). */
export const sameCheckpoint = (a: Position | undefined, b: Position | undefined): boolean =>
  a === undefined || b === undefined ? a === b : positionsEqual(a, b);
