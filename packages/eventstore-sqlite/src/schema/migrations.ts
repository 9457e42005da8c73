import type { Database } from 'better-sqlite3';

/** Marks a SQLite file as a Clientele store (`PRAGMA application_id`, "Clnt"). */
export const APPLICATION_ID = 0x436c6e74;

/** Each migration takes the schema from version `index` to `index + 1`; never edit a shipped one. */
export const MIGRATIONS: readonly string[] = [
  `CREATE TABLE events (
     position        INTEGER PRIMARY KEY AUTOINCREMENT,
     stream_name     TEXT    NOT NULL,
     stream_revision INTEGER NOT NULL,
     event_id        TEXT    NOT NULL,
     type            TEXT    NOT NULL,
     data            TEXT    NOT NULL,
     metadata        TEXT    NOT NULL,
     recorded_at     TEXT    NOT NULL,
     UNIQUE (stream_name, stream_revision)
   );
   CREATE TABLE streams (
     stream_name TEXT    PRIMARY KEY,
     revision    INTEGER NOT NULL
   ) WITHOUT ROWID;
   CREATE TABLE commands (
     command_id     TEXT    PRIMARY KEY,
     stream_name    TEXT    NOT NULL,
     first_revision INTEGER NOT NULL,
     last_revision  INTEGER NOT NULL,
     position       INTEGER NOT NULL,
     event_ids      TEXT    NOT NULL,
     recorded_at    TEXT    NOT NULL
   ) WITHOUT ROWID;
   CREATE INDEX commands_by_age ON commands (recorded_at);
   CREATE TABLE checkpoints (
     name     TEXT PRIMARY KEY,
     position TEXT NOT NULL
   ) WITHOUT ROWID;
   CREATE TABLE snapshots (
     stream_name   TEXT    NOT NULL,
     state_version TEXT    NOT NULL,
     revision      INTEGER NOT NULL,
     state         TEXT    NOT NULL,
     PRIMARY KEY (stream_name, state_version)
   ) WITHOUT ROWID;`,
  // Version 2 halves the pages an append writes: the stream head is read from the unique
  // (stream_name, stream_revision) index instead of a `streams` table, and positions come from
  // the rowid without AUTOINCREMENT's `sqlite_sequence` row. Events are never deleted, so
  // positions still only grow. Existing events keep their positions.
  `CREATE TABLE events_v2 (
     position        INTEGER PRIMARY KEY,
     stream_name     TEXT    NOT NULL,
     stream_revision INTEGER NOT NULL,
     event_id        TEXT    NOT NULL,
     type            TEXT    NOT NULL,
     data            TEXT    NOT NULL,
     metadata        TEXT    NOT NULL,
     recorded_at     TEXT    NOT NULL,
     UNIQUE (stream_name, stream_revision)
   );
   INSERT INTO events_v2 SELECT position, stream_name, stream_revision, event_id, type, data,
     metadata, recorded_at FROM events ORDER BY position;
   DROP TABLE events;
   ALTER TABLE events_v2 RENAME TO events;
   DROP TABLE streams;`,
  // Version 3 adds the per-person data keys of crypto-shredding (`createSqliteDataKeyStore`). A
  // subject has one key; forgetting deletes its row and records the subject, so no key is ever
  // created for them again.
  `CREATE TABLE data_keys (
     subject_id TEXT PRIMARY KEY,
     key_id     TEXT NOT NULL UNIQUE,
     key        BLOB NOT NULL,
     created_at TEXT NOT NULL
   ) WITHOUT ROWID;
   CREATE TABLE forgotten_subjects (
     subject_id   TEXT PRIMARY KEY,
     forgotten_at TEXT NOT NULL
   ) WITHOUT ROWID;`,
];

/** The schema version this release writes. */
export const SCHEMA_VERSION = MIGRATIONS.length;

/** The file is not a Clientele store, or was written by a newer release. Nothing was changed. */
export class IncompatibleStoreError extends Error {
  override readonly name = 'IncompatibleStoreError';
}

const hasUserTables = (db: Database): boolean =>
  (
    db
      .prepare(
        `SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`,
      )
      .get() as { n: number }
  ).n > 0;

interface StoreIdentity {
  readonly applicationId: number;
  readonly version: number;
  readonly userTables: boolean;
}

/**
 * Reads the stamp, the version and whether any table exists in one read transaction. Read one by
 * one, a second process could see the stamp of the empty file and then the tables the first
 * process's migration had just committed, and take a new Clientele store for another
 * application's file.
 */
const readStoreIdentity = (db: Database): StoreIdentity =>
  db.transaction((): StoreIdentity => ({
    userTables: hasUserTables(db),
    applicationId: db.pragma('application_id', { simple: true }) as number,
    version: db.pragma('user_version', { simple: true }) as number,
  }))();

/**
 * Refuses, before anything is written, a file of another application (tables but no Clientele
 * stamp) or of a newer schema than this release understands. An empty database passes.
 */
export const checkStoreIdentity = (db: Database, file: string): void => {
  const { applicationId, version, userTables } = readStoreIdentity(db);
  if (applicationId !== APPLICATION_ID && (applicationId !== 0 || userTables)) {
    throw new IncompatibleStoreError(
      `${file} is a SQLite database but not a Clientele store; point at a new file or an existing Clientele store`,
    );
  }
  if (version > SCHEMA_VERSION) {
    throw new IncompatibleStoreError(
      `${file} has schema version ${version}, newer than this release understands (${SCHEMA_VERSION}); upgrade @clientele/eventstore-sqlite`,
    );
  }
};

/**
 * Brings the schema to {@link SCHEMA_VERSION}, one migration per `BEGIN IMMEDIATE` transaction.
 * The version is read again inside each transaction, so two processes opening a new file at the
 * same moment do not both run the same migration: the second waits, then finds nothing to do.
 */
export const migrate = (db: Database): void => {
  const step = db.transaction((): boolean => {
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version >= SCHEMA_VERSION) return false;
    if (version === 0) db.pragma(`application_id = ${APPLICATION_ID}`);
    db.exec(MIGRATIONS[version] as string);
    db.pragma(`user_version = ${version + 1}`);
    return true;
  });
  while (step.immediate()) {
    // Each call applies one migration; the loop ends once the file is current.
  }
};
