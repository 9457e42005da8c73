import Database from 'better-sqlite3';
import type { Database as Connection } from 'better-sqlite3';
import { IncompatibleStoreError, checkStoreIdentity, migrate } from './migrations.js';

/** How the file is opened: see `SqliteEventStoreOptions` for what each setting means. */
export interface OpenDatabaseOptions {
  readonly file: string;
  readonly durability: 'normal' | 'full';
  readonly busyTimeoutMs: number;
}

const isNotADatabase = (error: unknown): boolean =>
  typeof error === 'object' &&
  error !== null &&
  (error as { code?: unknown }).code === 'SQLITE_NOTADB';

/**
 * Opens the file, checks that it is a Clientele store (or empty) before changing anything, switches
 * it to WAL with the chosen durability and brings its schema up to date. The busy timeout is set
 * first, so a second process opening the file while the first migrates waits instead of failing. A file that is not a SQLite database at all is refused with the same error
 * as a database of another application; the connection is closed before throwing.
 */
export const openDatabase = (options: OpenDatabaseOptions): Connection => {
  const db = new Database(options.file);
  try {
    db.pragma(`busy_timeout = ${options.busyTimeoutMs}`);
    checkStoreIdentity(db, options.file);
    db.pragma('journal_mode = WAL');
    db.pragma(`synchronous = ${options.durability === 'full' ? 'FULL' : 'NORMAL'}`);
    migrate(db);
    return db;
  } catch (error) {
    db.close();
    if (isNotADatabase(error)) {
      throw new IncompatibleStoreError(
        `${options.file} is not a database SQLite can read, so not a Clientele store; point at a new file or an existing Clientele store`,
      );
    }
    throw error;
  }
};
