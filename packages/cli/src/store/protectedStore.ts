import * as E from 'fp-ts/lib/Either.js';
import type { OpenedStore, ProtectedStore } from './engines/openedStore.js';

export type { ProtectedStore } from './engines/openedStore.js';

/**
 * Puts the chain and the encryption around an opened engine, the way that engine keeps its keys,
 * snapshots and purge; EventStoreDB says why it cannot.
 */
export const protectedStore = (opened: OpenedStore): E.Either<string, ProtectedStore> =>
  opened.protect();

/** An engine as opened, and the protected store around it that commands write through. */
export interface OpenedProtectedStore {
  readonly engine: OpenedStore;
  readonly stack: ProtectedStore;
}

/**
 * The one way a writing command opens its store: open the engine, put the chain and the
 * encryption around it, and close the engine again when it cannot be protected. A `Left` says why
 * (the store could not be opened, or cannot be protected) and leaves nothing open.
 */
export const openProtectedStore = async (
  opening: Promise<E.Either<string, OpenedStore>> | E.Either<string, OpenedStore>,
): Promise<E.Either<string, OpenedProtectedStore>> => {
  const opened = await opening;
  if (E.isLeft(opened)) return opened;
  const stack = protectedStore(opened.right);
  if (E.isLeft(stack)) {
    await opened.right.store.close();
    return stack;
  }
  return E.right({ engine: opened.right, stack: stack.right });
};
