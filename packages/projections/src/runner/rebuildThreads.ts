import type { EventStore } from '@clientele/eventstore';
import type { AnyProjection } from '../projection/projection.js';
import type { ReadModelStore } from '../store/readModelStore.js';
import type { ProjectionProgress } from './progress.js';

/**
 * What a rebuild thread opens for itself: a connection to the log and one to the read models, and
 * the projections it may be asked to rebuild (by name). A thread cannot share the main thread's
 * connections, so it opens its own from a plain, structured-cloneable description.
 */
export interface RebuildSide {
  readonly events: EventStore;
  readonly readModels: ReadModelStore;
  readonly projections: readonly AnyProjection[];
  close(): Promise<void>;
}

/** Opens a {@link RebuildSide} from the `config` of {@link RebuildThreads}, inside a worker thread. */
export type OpenRebuildSide = (config: unknown) => Promise<RebuildSide>;

/**
 * How a rebuild uses more than one core: the projections are split into `threads` groups; the
 * main thread rebuilds one group, and each other group is rebuilt by a worker thread that runs
 * `module` (an entry that calls `serveRebuildThread` with an {@link OpenRebuildSide}) and reads
 * the log on its own connection. Every projection is still folded by one thread, in log order,
 * so its documents are those a single-thread rebuild writes.
 */
export interface RebuildThreads {
  /** The worker entry: a JavaScript module that calls `serveRebuildThread(open)`. */
  readonly module: URL;
  /** What the entry's `open` gets: a file name, a connection string (structured-cloneable). */
  readonly config: unknown;
  /** How many threads in all, the main one included; 1 rebuilds on the main thread only. */
  readonly threads: number;
}

/** A worker thread's report to the main thread. */
export type RebuildThreadMessage =
  | { readonly kind: 'progress'; readonly progress: ProjectionProgress }
  | { readonly kind: 'done'; readonly events: number }
  | { readonly kind: 'failed'; readonly message: string };

/** What the main thread hands a worker thread (its `workerData`). */
export interface RebuildThreadTask {
  readonly kind: 'clientele-rebuild';
  readonly config: unknown;
  readonly names: readonly string[];
  readonly batchSize: number | undefined;
  readonly rebuildCommitEvery: number | undefined;
  readonly rebuildMaxDocuments: number | undefined;
}
