import type { CheckpointGuard } from '@clientele/eventstore';
import { FencedOutError, createLeaseKeeper } from '@clientele/eventstore';
import type { BuildRef, ReadModelStore } from '../store/readModelStore.js';
import type { Build } from './build.js';

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
  /** The builds this runner holds the lease of: all of them when it runs without leases. */
  claim(builds: readonly Build[]): Promise<Build[]>;
  /**
   * A commit's guard for `build`: its last committed checkpoint, and the lease's fence. Throws
   * `FencedOutError` once the lease has lapsed, so a stalled runner commits nothing.
   */
  readonly guardOf: (build: Build) => CheckpointGuard;
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
      claim: async (builds) => [...builds],
      guardOf: (build) => ({ expected: build.checkpoint }),
      retryMs: undefined,
      release: async () => undefined,
    };
  }
  const keeper = createLeaseKeeper({ leases: readModels.leases, ...options });
  return {
    claim: async (builds) => {
      const held: Build[] = [];
      for (const build of builds) {
        if ((await keeper.acquire(buildLeaseName(build))) !== undefined) held.push(build);
      }
      return held;
    },
    guardOf: (build) => {
      const fence = keeper.fence(buildLeaseName(build));
      if (fence === undefined) {
        throw new FencedOutError(`the lease of ${build.name} build ${build.build} lapsed`);
      }
      return { expected: build.checkpoint, fence };
    },
    retryMs: keeper.retryMs,
    release: () => keeper.releaseAll(),
  };
};
