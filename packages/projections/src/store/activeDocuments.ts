import type * as t from 'io-ts';
import { formatValidationErrors } from '@clientele/eventstore';
import type { DocumentQuery, ReadModelStore } from './readModelStore.js';

/**
 * Thrown by the document reads when a projection has never finished a build; reports and
 * `readAccessOn` answer it as a `ProjectionNotBuilt` value instead.
 */
export class ProjectionNotBuiltError extends Error {
  constructor(readonly projectionName: string) {
    super(`projection ${projectionName} has no active build yet: run the projections first`);
    this.name = 'ProjectionNotBuiltError';
  }
}

const activeRef = async (store: ReadModelStore, name: string) => {
  const build = await store.activeBuild(name);
  if (build === undefined) throw new ProjectionNotBuiltError(name);
  return { name, build };
};

// A stored document that no longer decodes is a fault of the store (or a projection version bump
// that was forgotten), not an expected outcome: it throws.
const decodeDocument = <Doc>(
  codec: t.Decoder<unknown, Doc>,
  name: string,
  key: string,
  doc: unknown,
): Doc => {
  const decoded = codec.decode(doc);
  if (decoded._tag === 'Left') {
    throw new Error(
      `document ${key} of ${name} does not decode: ${formatValidationErrors(decoded.left).join('; ')}`,
    );
  }
  return decoded.right;
};

/** The documents of a projection's active build, decoded with the projection's codec, as reports read them. */
export async function* activeDocuments<Doc>(
  store: ReadModelStore,
  name: string,
  codec: t.Decoder<unknown, Doc>,
  query?: DocumentQuery,
): AsyncGenerator<{ readonly key: string; readonly doc: Doc }> {
  const ref = await activeRef(store, name);
  for await (const stored of store.documents(ref, query)) {
    yield { key: stored.key, doc: decodeDocument(codec, name, stored.key, stored.doc) };
  }
}

/** One document of a projection's active build, decoded, or undefined. */
export const activeDocument = async <Doc>(
  store: ReadModelStore,
  name: string,
  codec: t.Decoder<unknown, Doc>,
  key: string,
): Promise<Doc | undefined> => {
  const stored = await store.getDocument(await activeRef(store, name), key);
  return stored === undefined ? undefined : decodeDocument(codec, name, key, stored.doc);
};
