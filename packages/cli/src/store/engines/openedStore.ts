import type * as E from 'fp-ts/lib/Either.js';
import type {
  DataKeyStore,
  EventStore,
  GroupCommitter,
  SnapshotStore,
} from '@clientele/eventstore';
import { withHashChain, withPersonalDataEncryption } from '@clientele/eventstore';
import { locateDomainPersonalData, withDomainUpcasting } from '@clientele/domain';
import type { ReadModelStore, RebuildThreads } from '@clientele/projections';
import type { StoreLocation } from '../storeLocation.js';

/**
 * A store as the CLI writes and reads the domain through it: the engine's hash chain, and personal
 * fields encrypted per person with keys kept in the engine's own key table; plus the snapshot
 * store and the purge step that go with them.
 */
export interface ProtectedStore {
  /** The store commands go through: encrypts on append, decrypts on read. */
  readonly store: EventStore;
  readonly keys: DataKeyStore;
  readonly snapshots: SnapshotStore;
  /**
   * The engine's group commit, where it has one (SQLite, PostgreSQL): bulk work such as an import
   * puts many commands into each transaction; undefined where every command commits on its own.
   */
  readonly groupCommit?: GroupCommitter;
  /** The engine's documented purge after a key was destroyed; says what it did. */
  readonly purge: () => Promise<E.Either<string, string>>;
  readonly close: () => Promise<void>;
}

/**
 * An opened engine with what lives beside it. Each engine's module builds one, so a command loads
 * only the engine (and its native driver) that its store URL names.
 */
export interface OpenedStore {
  readonly engine: StoreLocation['engine'];
  /** The raw log: what projections read, and what the privacy service purges. */
  readonly store: EventStore;
  /** Puts the chain and the encryption around the engine, or says why this engine cannot. */
  readonly protect: () => E.Either<string, ProtectedStore>;
  /** The read models beside the log: in its file, its database, or in memory. */
  readonly readModels: () => ReadModelStore;
  /**
   * How a rebuild on `threads` threads opens the store in each worker thread, where the engine
   * can (SQLite: the file); undefined where a rebuild stays on one thread.
   */
  readonly rebuildThreads?: (threads: number) => RebuildThreads;
}

/**
 * The engine wrapped in the hash chain, then the per-person encryption of personal fields, then
 * the domain's upcasters: commands and readers see decrypted events in today's shape, while the
 * chain is computed and checked on the bytes as stored.
 */
export const encrypted = (engine: EventStore, keys: DataKeyStore): EventStore =>
  withDomainUpcasting(
    withPersonalDataEncryption(withHashChain(engine), { keys, locate: locateDomainPersonalData }),
  );
