export type { ProjectionRunner, ProjectionRunnerOptions } from './projectionRunner.js';
export { createProjectionRunner } from './projectionRunner.js';
export type { ProjectionProgress } from './progress.js';
export type { ProjectionStatus } from './projectionStatus.js';
export type { OpenRebuildSide, RebuildSide, RebuildThreads } from './rebuildThreads.js';
export { serveRebuildThread } from './serveRebuildThread.js';
