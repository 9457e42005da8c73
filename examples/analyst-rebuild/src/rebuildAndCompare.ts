import type { EventStore } from '@clientele/eventstore';
import { canonicalJson } from '@clientele/eventstore';
import type { AnyProjection, ReadModelStore } from '@clientele/projections';
import { createInMemoryReadModelStore, createProjectionRunner } from '@clientele/projections';

/** How one projection's live read model compares with a rebuild from the raw log. */
export interface Comparison {
  readonly projection: string;
  readonly documents: number;
  /** Keys whose documents differ, or exist on one side only. */
  readonly differences: readonly string[];
}

const documentsOf = async (store: ReadModelStore, name: string): Promise<Map<string, string>> => {
  const build = await store.activeBuild(name);
  const documents = new Map<string, string>();
  if (build === undefined) return documents;
  for await (const stored of store.documents({ name, build })) {
    documents.set(stored.key, canonicalJson(stored.doc));
  }
  return documents;
};

/**
 * Rebuilds the given projections from position 0 of the log into a fresh in-memory store and
 * compares every document with the live read models, key by key, as canonical JSON. An analyst
 * runs it to trust a report: the live, incrementally built figures must equal a rebuild.
 */
export const rebuildAndCompare = async (
  events: EventStore,
  live: ReadModelStore,
  projections: readonly AnyProjection[],
): Promise<Comparison[]> => {
  const fresh = createInMemoryReadModelStore();
  await createProjectionRunner({ events, readModels: fresh, projections }).catchUp();
  const comparisons: Comparison[] = [];
  for (const projection of projections) {
    const [liveDocs, freshDocs] = await Promise.all([
      documentsOf(live, projection.name),
      documentsOf(fresh, projection.name),
    ]);
    const keys = new Set([...liveDocs.keys(), ...freshDocs.keys()]);
    const differences = [...keys].filter((key) => liveDocs.get(key) !== freshDocs.get(key)).sort();
    comparisons.push({ projection: projection.name, documents: freshDocs.size, differences });
  }
  return comparisons;
};
