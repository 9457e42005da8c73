import type * as E from 'fp-ts/lib/Either.js';
import type { OpenedStore, ProtectedStore } from './engines/openedStore.js';

export type { ProtectedStore } from './engines/openedStore.js';

/**
 * Puts the chain and the encryption around an opened engine, the way that engine keeps its keys,
 * snapshots and purge; EventStoreDB says why it cannot.
 */
export const protectedStore = (opened: OpenedStore): E.Either<string, ProtectedStore> =>
  opened.protect();
