export type {
  BatchCommit,
  BuildRef,
  BuildState,
  CheckpointChange,
  DocumentChange,
  DocumentQuery,
  ReadModelStore,
} from './readModelStore.js';
export { buildId, parseBuildId } from './buildId.js';
export { createInMemoryReadModelStore } from './inMemoryReadModelStore.js';
export { ProjectionNotBuiltError, activeDocument, activeDocuments } from './activeDocuments.js';
export type { WaitForPositionOptions } from './waitForPosition.js';
export { waitForPosition } from './waitForPosition.js';
export type { ProjectionNotBuilt, ReadRefusal } from './projectionNotBuilt.js';
export { answerUnbuilt } from './projectionNotBuilt.js';
