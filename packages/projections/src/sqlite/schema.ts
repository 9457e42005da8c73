import type { Database } from 'better-sqlite3';
import { createLeaseTableSql } from '@clientele/eventstore-sqlite';

/**
 * The read-model tables. They are prefixed `projection_` so they can share the event store's file
 * (and its WAL) without touching its tables or its `user_version`; the schema version of the read
 * side is kept in its own row.
 */
const SCHEMA = `
  CREATE TABLE IF NOT EXISTS projection_schema (
    id      INTEGER PRIMARY KEY CHECK (id = 1),
    version INTEGER NOT NULL
  );
  CREATE TABLE IF NOT EXISTS projection_builds (
    name       TEXT    NOT NULL,
    build      TEXT    NOT NULL,
    created    INTEGER NOT NULL,
    checkpoint TEXT,
    PRIMARY KEY (name, build)
  ) WITHOUT ROWID;
  CREATE TABLE IF NOT EXISTS projection_active (
    name  TEXT PRIMARY KEY,
    build TEXT NOT NULL
  ) WITHOUT ROWID;
  CREATE TABLE IF NOT EXISTS projection_documents (
    name          TEXT NOT NULL,
    build         TEXT NOT NULL,
    key           TEXT NOT NULL,
    doc           TEXT NOT NULL,
    last_position TEXT NOT NULL,
    PRIMARY KEY (name, build, key)
  ) WITHOUT ROWID;
  ${createLeaseTableSql('projection_leases')};
`;

/** The read-side schema version this release writes. */
export const READ_MODEL_SCHEMA_VERSION = 1;

/** Creates the read-model tables if missing; refuses a file written by a newer release. */
export const ensureReadModelSchema = (db: Database): void => {
  db.transaction(() => {
    db.exec(SCHEMA);
    const row = db.prepare('SELECT version FROM projection_schema WHERE id = 1').get() as
      { version: number } | undefined;
    if (row === undefined) {
      db.prepare('INSERT INTO projection_schema (id, version) VALUES (1, ?)').run(
        READ_MODEL_SCHEMA_VERSION,
      );
    } else if (row.version > READ_MODEL_SCHEMA_VERSION) {
      throw new Error(
        `the read models were written by a newer release (schema ${row.version} > ${READ_MODEL_SCHEMA_VERSION})`,
      );
    }
  }).immediate();
};
