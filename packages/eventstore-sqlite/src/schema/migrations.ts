import type { Database } from 'better-sqlite3';

/** Marks a SQLite file as a Clientele store (`PRAGMA application_id`, "Clnt"). */
export const APPLICATION_ID = 0x436c6e74;

/** Each migration takes the schema from version `index` to `index + 1`; never edit a shipped one. */
const MIGRATIONS: readonly string[] = [
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

/**
 * Brings the file's schema to {@link SCHEMA_VERSION}, one migration per transaction. A new file
 * is stamped as a Clientele store; a file of another application, or of a newer schema, is refused
 * before anything is written.
 */
export const migrate = (db: Database, file: string): void => {
  const applicationId = db.pragma('application_id', { simple: true }) as number;
  const version = db.pragma('user_version', { simple: true }) as number;
  if (applicationId !== APPLICATION_ID) {
    if (applicationId !== 0 || hasUserTables(db)) {
      throw new IncompatibleStoreError(
        `${file} is a SQLite database but not a Clientele store; point --store at a new file or an existing Clientele store`,
      );
    }
    db.pragma(`application_id = ${APPLICATION_ID}`);
  }
  if (version > SCHEMA_VERSION) {
    throw new IncompatibleStoreError(
      `${file} has schema version ${version}, newer than this release understands (${SCHEMA_VERSION}); upgrade @clientele/eventstore-sqlite`,
    );
  }
  for (let next = version; next < SCHEMA_VERSION; next += 1) {
    db.transaction(() => {
      db.exec(MIGRATIONS[next] as string);
      db.pragma(`user_version = ${next + 1}`);
    }).immediate();
  }
};
