import type {
  EventStore,
  Logger,
  Position,
  RecordedEvent,
  RetryPolicy,
} from '@clientele/eventstore';
import {
  FencedOutError,
  START,
  isStoreUnavailable,
  pauseUnlessAborted,
  retryWithBackoff,
  silentLogger,
} from '@clientele/eventstore';
import type { AnyProjection } from '../projection/projection.js';
import type { ReadModelStore } from '../store/readModelStore.js';
import { type BuildLeaseOptions, createBuildLeases } from './buildLeases.js';
import { activateFinished, planBuilds } from './planBuilds.js';
import { type ProjectionProgress, createProgressMeter } from './progress.js';
import { recordLag, traceBatch } from './batchTelemetry.js';
import { projectBatch } from './projectBatch.js';
import { relevanceOf, unionFilter } from './relevance.js';
import { type ProjectionStatus, projectionStatus } from './projectionStatus.js';
import { type Build, earliestCheckpoint } from './build.js';
import { commitWorkingSets, documentsHeld, hasUncommitted, workingSetOf } from './workingSet.js';
import { waitForEventAfter } from './waitForEvent.js';
import { rebuildInThreads } from './rebuildInThreads.js';
import type { RebuildThreads } from './rebuildThreads.js';

/** How long a live run waits before trying again after a store was unavailable. */
const UNAVAILABLE_RETRY_MS = 500;

/** Options of {@link createProjectionRunner}. */
export interface ProjectionRunnerOptions {
  readonly events: EventStore;
  readonly readModels: ReadModelStore;
  /** Projected together in one pass over the log; names must be distinct. */
  readonly projections: readonly AnyProjection[];
  /**
   * Events per batch; defaults to 1000. A batch's documents are loaded together, and a build that
   * queries read (the active one) commits each batch in one transaction.
   */
  readonly batchSize?: number;
  /**
   * Events between commits of a build no query reads yet (a rebuild, a first build); defaults to
   * 20 batches. Its documents stay in memory in between, so one touched by many events is
   * loaded and written once. A crash loses the work since the last commit, never consistency.
   */
  readonly rebuildCommitEvery?: number | undefined;
  /**
   * The most documents such a build keeps in memory between commits; reaching it commits early
   * and lets go of the documents not touched lately. Defaults to 10,000.
   */
  readonly rebuildMaxDocuments?: number | undefined;
  /**
   * Elects one active runner per build across processes (app servers sharing a store). Each
   * build's lease lives in the read-model store; every commit carries its fencing token and the
   * checkpoint it started from, and a runner that lost a lease stops writing that build.
   * Without it, run one runner per read-model store yourself.
   */
  readonly lease?: BuildLeaseOptions;
  /**
   * Rebuilds on several cores: `rebuild` splits the projections into groups, one per thread,
   * each reading the log on its own connection (see {@link RebuildThreads}). Only `rebuild` uses
   * it; a catch-up and a live run stay on the calling thread. Leases and the failure policy are
   * the main thread's only: give neither when other runners may share the read models.
   */
  readonly rebuildThreads?: RebuildThreads | undefined;
  /** Called after every batch. */
  readonly onProgress?: ((progress: ProjectionProgress) => void) | undefined;
  /**
   * What to do when a pass fails (the read-model store is unreachable, an event does not
   * decode): try the pass again with backoff, from the last committed checkpoints, then stop by
   * rethrowing. Projections never park an event: a read model that skipped one would differ from
   * its rebuild. `onError` hears the failure that stopped the runner. Defaults to one try.
   */
  readonly failurePolicy?:
    | {
        readonly retry?: RetryPolicy;
        readonly onError?: (failure: {
          readonly error: unknown;
          readonly attempts: number;
        }) => void;
      }
    | undefined;
  /** Where failures are written (pino's shape); silent by default. */
  readonly logger?: Logger | undefined;
  /** Milliseconds since an arbitrary origin, for rates; defaults to `performance.now`. */
  readonly now?: () => number;
}

/** Runs projections over the global log into a read-model store. */
export interface ProjectionRunner {
  /**
   * Projects what is in the log now into every projection's builds, then activates builds that
   * were new (first build, version bump, or rebuild). Resolves with the number of events read.
   */
  catchUp(): Promise<number>;
  /**
   * Starts new builds of the named projections (all when omitted) from position 0 and catches up;
   * the active builds keep serving, and keep being updated, until the new ones replace them.
   */
  rebuild(names?: readonly string[]): Promise<number>;
  /**
   * Follows the log live until `signal` aborts. While the event store or the read-model store is
   * unavailable (`StoreUnavailableError`, a server restart) it waits and resumes from the
   * committed checkpoints, so an outage costs no event and applies none twice.
   */
  run(signal: AbortSignal): Promise<void>;
  /** Each build's checkpoint and lag behind the head of the log. */
  status(): Promise<readonly ProjectionStatus[]>;
}

/**
 * A projection runner: one pass over the log feeds several projections; events are applied in
 * batches, and documents are committed with their checkpoints in one transaction, so a crash
 * never applies an event twice or skips one. Builds that queries read commit every batch; builds
 * no query reads yet (a rebuild) commit every `rebuildCommitEvery` events.
 *
 * Every commit is a compare-and-set on the checkpoints it started from, so two runners never
 * both advance a build; with `lease`, standbys wait instead of failing and take over on expiry.
 */
export const createProjectionRunner = (options: ProjectionRunnerOptions): ProjectionRunner => {
  const { events, readModels, projections } = options;
  const batchSize = options.batchSize ?? 1000;
  const commitEvery = options.rebuildCommitEvery ?? 20 * batchSize;
  const maxDocuments = options.rebuildMaxDocuments ?? 10_000;
  for (const [option, value] of Object.entries({
    batchSize,
    rebuildCommitEvery: commitEvery,
    rebuildMaxDocuments: maxDocuments,
  })) {
    if (!Number.isInteger(value) || value < 1) {
      throw new RangeError(`projection runner: ${option} must be a positive integer, got ${value}`);
    }
  }
  const now = options.now ?? (() => performance.now());
  const names = projections.map((p) => p.name);
  if (new Set(names).size !== names.length) {
    throw new Error(`projection names must be distinct: ${names.join(', ')}`);
  }

  const leases = createBuildLeases(readModels, options.lease);

  const plan = async (rebuilding: ReadonlySet<string>): Promise<Build[]> => {
    const builds: Build[] = [];
    for (const projection of projections) {
      builds.push(
        ...(await planBuilds(readModels, projection, {
          rebuild: rebuilding.has(projection.name),
        })),
      );
    }
    return leases.claim(builds);
  };

  const pass = async (builds: Build[]): Promise<number> => {
    if (builds.length === 0) return 0;
    const start = earliestCheckpoint(builds);
    const meter = createProgressMeter(start, await events.headPosition(), now);
    const subscription = events.subscribeToAll({
      fromPosition: start ?? START,
      filter: unionFilter(builds.map((build) => build.projection)),
    });
    const sets = builds.map(workingSetOf);
    const relevant = relevanceOf(builds.map((build) => build.projection));
    let batch: RecordedEvent[] = [];
    let read = 0;
    let uncommitted = 0;
    const buildNames = builds.map((build) => build.projection.name);
    const flush = (upTo: Position, last: boolean): Promise<void> =>
      traceBatch(buildNames, batch.length, () => flushBatch(upTo, last));
    const flushBatch = async (upTo: Position, last: boolean): Promise<void> => {
      const lastRecordedAt = batch.at(-1)?.recordedAt;
      await projectBatch(readModels, sets, { events: batch, upTo }, relevant);
      uncommitted += batch.length;
      batch = [];
      const due = last || uncommitted >= commitEvery || documentsHeld(sets) > maxDocuments;
      const committing = sets.filter((set) => (due || set.build.served) && hasUncommitted(set));
      // At the end of the pass nothing needs evicting: the working sets are dropped.
      const keep = last ? Number.POSITIVE_INFINITY : maxDocuments / 2;
      if (committing.length > 0) {
        await commitWorkingSets(readModels, committing, keep, leases.guardOf);
      }
      if (due) uncommitted = 0;
      const progress = meter(read, upTo);
      recordLag(buildNames, progress, lastRecordedAt, Date.now());
      options.onProgress?.(progress);
    };
    try {
      for await (const message of subscription) {
        if (message.kind === 'caughtUp') {
          if (message.position !== undefined) await flush(message.position, true);
          break;
        }
        batch.push(message.event);
        read += 1;
        if (batch.length >= batchSize) await flush(message.event.position, false);
      }
    } catch (error) {
      // Another runner took over a build: it continues from the checkpoint this one last
      // committed; this pass stops, commits nothing more and activates nothing.
      if (error instanceof FencedOutError) return read;
      throw error;
    } finally {
      await subscription.stop();
    }
    await activateFinished(readModels, builds);
    return read;
  };

  /** Runs `work`; undefined after a pause when a store was unavailable, to try again. */
  const untilAvailable = async <A>(work: () => Promise<A>, signal: AbortSignal) => {
    try {
      return await work();
    } catch (error) {
      if (!isStoreUnavailable(error)) throw error;
      await pauseUnlessAborted(leases.retryMs ?? UNAVAILABLE_RETRY_MS, signal);
      return undefined;
    }
  };

  const catchUp = async (rebuilding: ReadonlySet<string> = new Set()): Promise<number> => {
    const logger = options.logger ?? silentLogger;
    const outcome = await retryWithBackoff(
      async () => pass(await plan(rebuilding)),
      options.failurePolicy?.retry ?? { attempts: 1 },
      (error, attempt) => {
        logger.warn({ projections: names, attempt, err: error }, 'projection pass failed');
      },
    );
    if (outcome.ok) return outcome.value;
    logger.error(
      { projections: names, attempts: outcome.attempts, err: outcome.error },
      'projection runner stopped',
    );
    options.failurePolicy?.onError?.({ error: outcome.error, attempts: outcome.attempts });
    throw outcome.error;
  };

  const rebuild = async (only: readonly string[]): Promise<number> => {
    const threads = options.rebuildThreads;
    if (threads === undefined || threads.threads < 2 || only.length < 2)
      return catchUp(new Set(only));
    return rebuildInThreads({
      threads,
      names: only,
      settings: {
        batchSize,
        rebuildCommitEvery: commitEvery,
        // Every thread holds its own working sets: together they hold what one thread would.
        rebuildMaxDocuments: Math.ceil(maxDocuments / threads.threads),
      },
      rebuildHere: (group, onProgress) =>
        createProjectionRunner({
          ...options,
          projections: projections.filter((p) => group.includes(p.name)),
          rebuildThreads: undefined,
          rebuildMaxDocuments: Math.ceil(maxDocuments / threads.threads),
          onProgress,
        }).rebuild(),
      onProgress: options.onProgress,
    });
  };

  return {
    catchUp: () => catchUp(),
    rebuild: (only) => rebuild(only ?? names),
    run: async (signal) => {
      try {
        while (!signal.aborted) {
          const builds = await untilAvailable(async () => {
            await catchUp();
            return plan(new Set());
          }, signal);
          if (builds === undefined) continue;
          // A standby wakes up every retry interval to try for the leases others hold.
          const wake =
            leases.retryMs === undefined
              ? signal
              : AbortSignal.any([signal, AbortSignal.timeout(leases.retryMs)]);
          // Waiting reads the log too: a server gone meanwhile is waited out like in a pass.
          if (builds.length > 0)
            await untilAvailable(
              () => waitForEventAfter(events, earliestCheckpoint(builds), wake),
              signal,
            );
          else
            await new Promise((resolve) => {
              wake.addEventListener('abort', resolve, { once: true });
            });
        }
      } finally {
        await leases.release();
      }
    },
    status: () => projectionStatus(events, readModels, names),
  };
};
