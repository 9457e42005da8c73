import type { CheckpointGuard } from '@clientele/eventstore';
import { FencedOutError, createLeaseKeeper } from '@clientele/eventstore';
import type { BuildRef, ReadModelStore } from '../store/readModelStore.js';
import type { Target } from './target.js';

/** How a projection runner takes part in the election of one active runner per build. */
export interface BuildLeaseOptions {
  /** Names this runner in the lease rows; defaults to a random id per runner. */
  readonly holder?: string;
  /**
   * How long a build's lease lasts without renewal, in milliseconds; defaults to 5,000. A standby
   * takes a build over at most this long, plus a third of it, after its runner died or stalled.
   */
  readonly ttlMs?: number;
}

/** The lease that elects the one runner writing into a build. */
export const buildLeaseName = (ref: BuildRef): string => `projection:${ref.name}/${ref.build}`;

/** Which builds a runner may write into, and the guard each of its commits carries. */
export interface BuildLeases {
  /** The targets this runner holds the lease of: all of them when it runs without leases. */
  claim(targets: readonly Target[]): Promise<Target[]>;
  /**
   * A commit's guard for `target`: its last committed checkpoint, and the lease's fence. Throws
   * `FencedOutError` once the lease has lapsed, so a stalled runner commits nothing.
   */
  readonly guardOf: (target: Target) => CheckpointGuard;
  /** How long a standby waits before trying again; undefined without leases. */
  readonly retryMs: number | undefined;
  release(): Promise<void>;
}

/** The leases of a runner's builds, kept in the read-model store beside the checkpoints. */
export const createBuildLeases = (
  readModels: ReadModelStore,
  options: BuildLeaseOptions | undefined,
): BuildLeases => {
  if (options === undefined) {
    return {
      claim: async (targets) => [...targets],
      guardOf: (target) => ({ expected: target.checkpoint }),
      retryMs: undefined,
      release: async () => undefined,
    };
  }
  const keeper = createLeaseKeeper({ leases: readModels.leases, ...options });
  return {
    claim: async (targets) => {
      const held: Target[] = [];
      for (const target of targets) {
        if ((await keeper.acquire(buildLeaseName(target))) !== undefined) held.push(target);
      }
      return held;
    },
    guardOf: (target) => {
      const fence = keeper.fence(buildLeaseName(target));
      if (fence === undefined) {
        throw new FencedOutError(`the lease of ${target.name} build ${target.build} lapsed`);
      }
      return { expected: target.checkpoint, fence };
    },
    retryMs: keeper.retryMs,
    release: () => keeper.releaseAll(),
  };
};
