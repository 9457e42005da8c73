import type { CheckpointGuard, LeaseStore, Position } from '@clientele/eventstore';
import type { StoredDocument } from '../projection/storedDocument.js';

/**
 * One build of a projection: its documents and checkpoint. A build id is `<version>.<generation>`;
 * a rebuild of the same version gets the next generation, so the old build keeps serving queries
 * until the new one has caught up and is activated.
 */
export interface BuildRef {
  readonly name: string;
  readonly build: string;
}

/** A build and how far it has projected the log (undefined: nothing yet). */
export interface BuildState extends BuildRef {
  readonly checkpoint: Position | undefined;
}

/** A changed document of one build, as the runner commits it. */
export interface DocumentChange extends BuildRef {
  readonly document: StoredDocument;
}

/**
 * A build's new checkpoint. With a guard it is a compare-and-set: the commit is refused, whole,
 * unless the stored checkpoint is `guard.expected` and `guard.fence` (if any) is current.
 */
export interface CheckpointChange extends BuildRef {
  readonly position: Position;
  readonly guard?: CheckpointGuard;
}

/** What one batch writes: changed documents and the new checkpoints, in one transaction. */
export interface BatchCommit {
  readonly documents: readonly DocumentChange[];
  readonly checkpoints: readonly CheckpointChange[];
}

/** Options of {@link ReadModelStore.documents}. */
export interface DocumentQuery {
  /** Only documents whose key starts with this, e.g. `customer:`. */
  readonly keyPrefix?: string;
}

/**
 * Where read models live: in memory, SQLite or PostgreSQL. The runner loads the documents of a
 * batch, then commits the changed ones together with the checkpoints, atomically: after a crash
 * the store holds either all of a batch or none of it, so no event is applied twice or skipped.
 */
export interface ReadModelStore {
  /** A short name for messages: `memory`, `sqlite`, `postgres`. */
  readonly engineName: string;
  /** Every build of a projection with its checkpoint, in creation order. */
  builds(name: string): Promise<readonly BuildState[]>;
  /** Registers an empty build (checkpoint: nothing projected yet); no-op when it exists. */
  createBuild(ref: BuildRef): Promise<void>;
  /** The build queries read, if one has been activated. */
  activeBuild(name: string): Promise<string | undefined>;
  /** Points queries at `ref.build` and deletes the projection's other builds, atomically. */
  activate(ref: BuildRef): Promise<void>;
  /** Deletes a build's documents and checkpoint (not the active one). */
  dropBuild(ref: BuildRef): Promise<void>;
  /** The stored documents among `keys`; absent keys are missing from the map. */
  loadDocuments(
    ref: BuildRef,
    keys: readonly string[],
  ): Promise<ReadonlyMap<string, StoredDocument>>;
  /**
   * Writes a batch's documents and checkpoints in one transaction. Throws `FencedOutError`,
   * writing nothing, when a checkpoint's guard no longer holds.
   */
  commit(batch: BatchCommit): Promise<void>;
  /** Leases of projection builds, kept where the commit can check their fences. */
  readonly leases: LeaseStore;
  /** One document of a build. */
  getDocument(ref: BuildRef, key: string): Promise<StoredDocument | undefined>;
  /** The documents of a build in key order, read lazily in pages. */
  documents(ref: BuildRef, query?: DocumentQuery): AsyncIterable<StoredDocument>;
  /** Releases the connection. */
  close(): Promise<void>;
}
