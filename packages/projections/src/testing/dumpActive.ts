import type { ReadModelStore } from '../store/readModelStore.js';

/**
 * Every document of a projection's active build, in key order, with its position as a string:
 * a plain value that `toEqual` compares whole (empty when nothing is active).
 */
export const dumpActive = async (store: ReadModelStore, name: string): Promise<unknown[]> => {
  const build = await store.activeBuild(name);
  if (build === undefined) return [];
  const documents: unknown[] = [];
  for await (const d of store.documents({ name, build })) {
    documents.push({
      key: d.key,
      doc: d.doc,
      at: `${d.lastPosition.commit}/${d.lastPosition.prepare}`,
    });
  }
  return documents;
};
