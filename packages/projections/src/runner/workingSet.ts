import type { CheckpointGuard, Position } from '@clientele/eventstore';
import { comparePositions } from '@clientele/eventstore';
import type { StoredDocument } from '../projection/storedDocument.js';
import type { ReadModelStore } from '../store/readModelStore.js';
import { type KeyFilter, createKeyFilter } from './keyFilter.js';
import type { Build } from './build.js';

/**
 * What a pass holds in memory for one build: the documents loaded or changed, the keys changed
 * since the last commit, and how far it has projected. A served build commits every batch and
 * keeps nothing between batches; a build no query reads yet keeps its documents across batches
 * and commits every so often, so a document touched by many events is loaded and written once.
 */
export interface WorkingSet {
  readonly build: Build;
  readonly documents: Map<string, StoredDocument>;
  /** Keys changed since the last commit. */
  readonly dirty: Set<string>;
  /**
   * For a build that had no documents when the pass began, the keys evicted from `documents`:
   * the only documents the store holds that `documents` does not. Undefined for other builds,
   * whose missing documents may always be stored.
   */
  readonly evicted: KeyFilter | undefined;
  /** The last position projected into `documents` (`build.checkpoint` is the last committed). */
  projected: Position | undefined;
}

/** A working set starting from what the build has committed. */
export const workingSetOf = (build: Build): WorkingSet => ({
  build,
  documents: new Map(),
  dirty: new Set(),
  // The runner writes documents only together with a checkpoint: a build without a checkpoint
  // has no documents, so what the pass commits and then evicts is all the store can hold.
  evicted: build.checkpoint === undefined && !build.served ? createKeyFilter() : undefined,
  projected: build.checkpoint,
});

/** Whether the store may hold a document of the set that `documents` does not. */
export const mayBeStored = (set: WorkingSet, key: string): boolean =>
  set.evicted === undefined || set.evicted.mightHold(key);

/** Whether the set has projected events its build has not committed yet. */
export const hasUncommitted = (set: WorkingSet): boolean =>
  set.projected !== undefined &&
  (set.build.checkpoint === undefined || comparePositions(set.projected, set.build.checkpoint) > 0);

/** How many documents the sets hold in memory. */
export const documentsHeld = (sets: readonly WorkingSet[]): number =>
  sets.reduce((sum, set) => sum + set.documents.size, 0);

/**
 * Commits the changed documents and the projected position of each set in one transaction, then
 * lets go of documents: a served set keeps none, the others keep those changed since the
 * previous commit while the sets hold more than `keep` documents, and none if that is still too
 * many (a document evicted is loaded again when an event touches it). Each checkpoint is
 * guarded by `guardOf`: the commit is refused, whole, if another runner took over a build.
 */
export const commitWorkingSets = async (
  readModels: ReadModelStore,
  sets: readonly WorkingSet[],
  keep: number,
  guardOf: (build: Build) => CheckpointGuard,
): Promise<void> => {
  const documents = [];
  const checkpoints = [];
  for (const set of sets) {
    const { name, build } = set.build;
    for (const key of set.dirty) {
      const document = set.documents.get(key);
      if (document !== undefined) documents.push({ name, build, document });
    }
    if (set.projected !== undefined) {
      checkpoints.push({ name, build, position: set.projected, guard: guardOf(set.build) });
    }
  }
  await readModels.commit({ documents, checkpoints });
  for (const set of sets) set.build.checkpoint = set.projected;
  const kept = sets.filter((set) => !set.build.served);
  if (documentsHeld(kept) > keep) {
    for (const set of kept) evictAllBut(set, set.dirty);
    if (documentsHeld(kept) > keep) for (const set of kept) evictAllBut(set, new Set());
  }
  for (const set of sets) {
    if (set.build.served) evictAllBut(set, new Set());
    set.dirty.clear();
  }
};

const evictAllBut = (set: WorkingSet, keys: ReadonlySet<string>): void => {
  for (const key of set.documents.keys()) {
    if (!keys.has(key)) {
      set.documents.delete(key);
      set.evicted?.add(key);
    }
  }
};
