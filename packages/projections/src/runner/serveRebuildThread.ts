import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { createProjectionRunner } from './projectionRunner.js';
import type { OpenRebuildSide, RebuildThreadMessage, RebuildThreadTask } from './rebuildThreads.js';

const isTask = (data: unknown): data is RebuildThreadTask =>
  typeof data === 'object' &&
  data !== null &&
  (data as { kind?: unknown }).kind === 'clientele-rebuild';

/** At most this many progress messages a second: the main thread only redraws a bar. */
const PROGRESS_EVERY_MS = 100;

const rebuild = async (open: OpenRebuildSide, task: RebuildThreadTask): Promise<number> => {
  const side = await open(task.config);
  try {
    const post = (message: RebuildThreadMessage) => parentPort?.postMessage(message);
    let posted = 0;
    const runner = createProjectionRunner({
      events: side.events,
      readModels: side.readModels,
      projections: side.projections.filter((p) => task.names.includes(p.name)),
      batchSize: task.batchSize,
      rebuildCommitEvery: task.rebuildCommitEvery,
      rebuildMaxDocuments: task.rebuildMaxDocuments,
      onProgress: (progress) => {
        const now = performance.now();
        if (now - posted < PROGRESS_EVERY_MS && progress.eventsLeft > 0) return;
        posted = now;
        post({ kind: 'progress', progress });
      },
    });
    return await runner.rebuild();
  } finally {
    await side.close();
  }
};

/**
 * The body of a rebuild worker thread: call it from the module named by `RebuildThreads.module`.
 * It opens its own connections with `open`, rebuilds the projections the main thread assigned it
 * and reports progress, then the number of events read (or why it failed) to the main thread.
 * Outside a worker started by a rebuild it does nothing, so the module can be imported anywhere.
 */
export const serveRebuildThread = async (open: OpenRebuildSide): Promise<void> => {
  const task: unknown = workerData;
  if (isMainThread || parentPort === null || !isTask(task)) return;
  const port = parentPort;
  try {
    const events = await rebuild(open, task);
    port.postMessage({ kind: 'done', events } satisfies RebuildThreadMessage);
  } catch (error) {
    port.postMessage({
      kind: 'failed',
      message: error instanceof Error ? error.message : String(error),
    } satisfies RebuildThreadMessage);
  }
};
