import type { Database } from 'better-sqlite3';
import * as E from 'fp-ts/lib/Either.js';

/** The purge could not finish: another connection still reads an older state of the file. */
export interface PurgeBlocked {
  readonly _tag: 'PurgeBlocked';
  /** Which step found the file in use. */
  readonly step: 'checkpoint' | 'vacuum';
  readonly message: string;
}

interface CheckpointResult {
  readonly busy: number;
  readonly log: number;
  readonly checkpointed: number;
}

const isLocked = (error: unknown): boolean =>
  typeof error === 'object' &&
  error !== null &&
  /^SQLITE_(BUSY|LOCKED)/.test(String((error as { code?: unknown }).code));

const checkpoint = (db: Database): E.Either<PurgeBlocked, void> => {
  const [result] = db.pragma('wal_checkpoint(TRUNCATE)') as CheckpointResult[];
  return result === undefined || result.busy === 0
    ? E.right(undefined)
    : E.left({
        _tag: 'PurgeBlocked',
        step: 'checkpoint',
        message: `the WAL could not be truncated (${result.log - result.checkpointed} frames still needed by a reader); close other connections and run the purge again`,
      });
};

/**
 * The purge steps after `forgetSubject` on a SQLite key store, so a destroyed key survives nowhere
 * in the file or its `-wal`: `secure_delete` (deleted content is zeroed from now on), a
 * `wal_checkpoint(TRUNCATE)` (older page versions in the WAL are copied over and the WAL emptied),
 * `VACUUM` (the file is rebuilt, leaving no free page behind), and a second truncating checkpoint
 * (VACUUM wrote the rebuilt file through the WAL). Run it with no transaction open on the
 * connection; other connections that still read an old snapshot make it return `PurgeBlocked`.
 * Copies outside the file (backups, file-system snapshots, freed disk blocks) are not reached.
 */
export const purgeErasedData = (database: Database): E.Either<PurgeBlocked, void> => {
  database.pragma('secure_delete = ON');
  const first = checkpoint(database);
  if (E.isLeft(first)) return first;
  try {
    database.exec('VACUUM');
  } catch (error) {
    if (!isLocked(error)) throw error;
    return E.left({ _tag: 'PurgeBlocked', step: 'vacuum', message: String(error) });
  }
  return checkpoint(database);
};
