import { Worker } from 'node:worker_threads';
import type { ProjectionProgress } from './progress.js';
import { partitionProjections } from './partitionProjections.js';
import type { RebuildThreadMessage, RebuildThreadTask, RebuildThreads } from './rebuildThreads.js';

/** Options of {@link rebuildInThreads}. */
export interface RebuildInThreadsOptions {
  readonly threads: RebuildThreads;
  /** The projections to rebuild, by name. */
  readonly names: readonly string[];
  /** The runner's batch settings, handed to every worker. */
  readonly settings: Omit<RebuildThreadTask, 'kind' | 'config' | 'names'>;
  /** Rebuilds a group on the main thread, reporting its progress. */
  readonly rebuildHere: (
    names: readonly string[],
    onProgress: (progress: ProjectionProgress) => void,
  ) => Promise<number>;
  /** Hears the progress of the thread furthest from done. */
  readonly onProgress?: ((progress: ProjectionProgress) => void) | undefined;
}

/** Runs one group in a worker thread; resolves with the events it read. */
const rebuildInWorker = (
  options: RebuildInThreadsOptions,
  task: RebuildThreadTask,
  onProgress: (progress: ProjectionProgress) => void,
  workers: Worker[],
): Promise<number> =>
  new Promise((resolve, reject) => {
    const worker = new Worker(options.threads.module, { workerData: task });
    workers.push(worker);
    let settled = false;
    worker.on('message', (message: RebuildThreadMessage) => {
      if (message.kind === 'progress') onProgress(message.progress);
      else if (message.kind === 'done') {
        settled = true;
        resolve(message.events);
      } else {
        settled = true;
        reject(new Error(`rebuild of ${task.names.join(', ')} failed: ${message.message}`));
      }
    });
    worker.on('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.on('exit', (code) => {
      if (!settled)
        reject(new Error(`rebuild thread of ${task.names.join(', ')} stopped (exit ${code})`));
    });
  });

/**
 * Rebuilds `names` on several threads: the first group on the main thread, each other group in
 * a worker thread reading the log on its own connection. Resolves with the most events a thread
 * read; rejects when any thread fails, after stopping the others (each commits only whole
 * batches, so what they leave is an unfinished build the next rebuild replaces).
 */
export const rebuildInThreads = async (options: RebuildInThreadsOptions): Promise<number> => {
  const [here = [], ...elsewhere] = partitionProjections(options.names, options.threads.threads);
  const latest: (ProjectionProgress | undefined)[] = [];
  const report = (index: number) => (progress: ProjectionProgress) => {
    latest[index] = progress;
    const slowest = latest.reduce<ProjectionProgress | undefined>(
      (worst, p) =>
        p !== undefined && (worst === undefined || p.eventsLeft > worst.eventsLeft) ? p : worst,
      undefined,
    );
    if (slowest !== undefined) options.onProgress?.(slowest);
  };
  const workers: Worker[] = [];
  const running = elsewhere.map((names, index) =>
    rebuildInWorker(
      options,
      { kind: 'clientele-rebuild', config: options.threads.config, names, ...options.settings },
      report(index + 1),
      workers,
    ),
  );
  const local = options.rebuildHere(here, report(0));
  try {
    return Math.max(...(await Promise.all([local, ...running])));
  } catch (error) {
    await Promise.allSettled(workers.map((worker) => worker.terminate()));
    // The main thread's group cannot be stopped midway: let it finish before the caller closes.
    await Promise.allSettled([local, ...running]);
    throw error;
  }
};
