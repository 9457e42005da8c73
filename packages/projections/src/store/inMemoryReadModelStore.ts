import type { Position } from '@clientele/eventstore';
import { FencedOutError, createInMemoryLeaseStore, sameCheckpoint } from '@clientele/eventstore';
import type { StoredDocument } from '../projection/storedDocument.js';
import type { BuildRef, BuildState, ReadModelStore } from './readModelStore.js';

interface Build {
  checkpoint: Position | undefined;
  readonly documents: Map<string, StoredDocument>;
}

const refKey = (ref: BuildRef): string => `${ref.name}\u0000${ref.build}`;

// Documents are copied in and out so a caller mutating what it got cannot change the store, as
// with the durable engines.
const copy = (document: StoredDocument): StoredDocument => structuredClone(document);

/** A read-model store in a map: for tests, the demo and one-off reports. */
export const createInMemoryReadModelStore = (): ReadModelStore => {
  const builds = new Map<string, Build & BuildRef>();
  const active = new Map<string, string>();
  const leases = createInMemoryLeaseStore();
  const buildOf = (ref: BuildRef): Build => {
    const build = builds.get(refKey(ref));
    if (build === undefined) throw new Error(`no build ${ref.build} of projection ${ref.name}`);
    return build;
  };
  return {
    engineName: 'memory',
    builds: async (name) =>
      [...builds.values()]
        .filter((b) => b.name === name)
        .map((b): BuildState => ({ name: b.name, build: b.build, checkpoint: b.checkpoint })),
    createBuild: async (ref) => {
      if (!builds.has(refKey(ref))) {
        builds.set(refKey(ref), { ...ref, checkpoint: undefined, documents: new Map() });
      }
    },
    activeBuild: async (name) => active.get(name),
    activate: async (ref) => {
      buildOf(ref);
      active.set(ref.name, ref.build);
      for (const [key, build] of builds) {
        if (build.name === ref.name && build.build !== ref.build) builds.delete(key);
      }
    },
    dropBuild: async (ref) => {
      if (active.get(ref.name) === ref.build) {
        throw new Error(`build ${ref.build} of ${ref.name} is active and cannot be dropped`);
      }
      builds.delete(refKey(ref));
    },
    loadDocuments: async (ref, keys) => {
      const { documents } = buildOf(ref);
      const found = new Map<string, StoredDocument>();
      for (const key of keys) {
        const document = documents.get(key);
        if (document !== undefined) found.set(key, copy(document));
      }
      return found;
    },
    commit: async (batch) => {
      // Check every target first so a bad batch changes nothing, like a rolled-back transaction.
      for (const change of batch.documents) buildOf(change);
      for (const checkpoint of batch.checkpoints) {
        const stored = buildOf(checkpoint).checkpoint;
        const { guard } = checkpoint;
        if (guard === undefined) continue;
        if (!sameCheckpoint(stored, guard.expected)) {
          throw new FencedOutError(
            `the checkpoint of ${checkpoint.build} was moved by another runner`,
          );
        }
        if (guard.fence !== undefined && !leases.holds(guard.fence)) {
          throw new FencedOutError(`lease ${guard.fence.lease} was taken by another runner`);
        }
      }
      for (const change of batch.documents) {
        buildOf(change).documents.set(change.document.key, copy(change.document));
      }
      for (const checkpoint of batch.checkpoints)
        buildOf(checkpoint).checkpoint = checkpoint.position;
    },
    getDocument: async (ref, key) => {
      const document = buildOf(ref).documents.get(key);
      return document === undefined ? undefined : copy(document);
    },
    documents: async function* (ref, query = {}) {
      const prefix = query.keyPrefix ?? '';
      const keys = [...buildOf(ref).documents.keys()].filter((k) => k.startsWith(prefix)).sort();
      for (const key of keys) {
        const document = buildOf(ref).documents.get(key);
        if (document !== undefined) yield copy(document);
      }
    },
    leases,
    close: async () => undefined,
  };
};
