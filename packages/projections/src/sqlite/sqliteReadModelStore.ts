import Sqlite, { type Database } from 'better-sqlite3';
import { FencedOutError, positionToString, sameCheckpoint } from '@clientele/eventstore';
import { createSqliteLeaseRows, retryWhileBusy } from '@clientele/eventstore-sqlite';
import type { StoredDocument } from '../projection/storedDocument.js';
import {
  checkpointFromText,
  documentFromRow,
  documentToRow,
  type DocumentRow,
} from '../store/documentRow.js';
import type { BuildRef, ReadModelStore } from '../store/readModelStore.js';
import { ensureReadModelSchema } from './schema.js';

/** Options of {@link createSqliteReadModelStore}: a file to open, or a database already open. */
export type SqliteReadModelStoreOptions =
  { readonly file: string } | { readonly database: Database };

// SQLite allows 32766 bound parameters; 500 keys per statement keeps statements cached and small.
const KEYS_PER_QUERY = 500;
const PAGE_SIZE = 500;

/**
 * A read-model store in SQLite, through better-sqlite3. It may share the event store's file (its
 * tables are prefixed `projection_`): open the event store first, as it stamps a new file. A batch
 * is one `BEGIN IMMEDIATE` transaction, so a killed process leaves all of a batch or none.
 */
export const createSqliteReadModelStore = (
  options: SqliteReadModelStoreOptions,
): ReadModelStore => {
  const owned = 'file' in options;
  const db = owned ? new Sqlite(options.file) : options.database;
  if (owned) {
    db.pragma('journal_mode = WAL');
    // NORMAL in WAL mode survives a killed process; only a power cut may lose the last batches.
    db.pragma('synchronous = NORMAL');
    db.pragma('busy_timeout = 5000');
  }
  ensureReadModelSchema(db);
  const leases = createSqliteLeaseRows(db, 'projection_leases');

  const statements = {
    builds: db.prepare(
      'SELECT build, checkpoint FROM projection_builds WHERE name = ? ORDER BY created, build',
    ),
    // Several app servers may register the same build at once; the loser's insert is a no-op.
    createBuild: db.prepare(
      `INSERT INTO projection_builds (name, build, created, checkpoint)
       SELECT @name, @build, coalesce(max(created), 0) + 1, NULL FROM projection_builds
       WHERE NOT EXISTS (SELECT 1 FROM projection_builds WHERE name = @name AND build = @build)
       ON CONFLICT (name, build) DO NOTHING`,
    ),
    buildExists: db.prepare('SELECT 1 FROM projection_builds WHERE name = ? AND build = ?'),
    active: db.prepare('SELECT build FROM projection_active WHERE name = ?'),
    setActive: db.prepare(
      `INSERT INTO projection_active (name, build) VALUES (?, ?)
       ON CONFLICT (name) DO UPDATE SET build = excluded.build`,
    ),
    otherBuilds: db.prepare('SELECT build FROM projection_builds WHERE name = ? AND build <> ?'),
    deleteBuild: db.prepare('DELETE FROM projection_builds WHERE name = ? AND build = ?'),
    deleteDocuments: db.prepare('DELETE FROM projection_documents WHERE name = ? AND build = ?'),
    upsert: db.prepare(
      `INSERT INTO projection_documents (name, build, key, doc, last_position)
       VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (name, build, key) DO UPDATE
       SET doc = excluded.doc, last_position = excluded.last_position`,
    ),
    checkpoint: db.prepare(
      'UPDATE projection_builds SET checkpoint = ? WHERE name = ? AND build = ?',
    ),
    checkpointOf: db
      .prepare('SELECT checkpoint FROM projection_builds WHERE name = ? AND build = ?')
      .pluck(),
    get: db.prepare(
      'SELECT key, doc, last_position FROM projection_documents WHERE name = ? AND build = ? AND key = ?',
    ),
    page: db.prepare(
      `SELECT key, doc, last_position FROM projection_documents
       WHERE name = ? AND build = ? AND key > ? AND substr(key, 1, ?) = ?
       ORDER BY key LIMIT ${PAGE_SIZE}`,
    ),
  };
  const loadStatements = new Map<number, Sqlite.Statement>();
  const loadStatement = (count: number): Sqlite.Statement => {
    let statement = loadStatements.get(count);
    if (statement === undefined) {
      statement = db.prepare(
        `SELECT key, doc, last_position FROM projection_documents
         WHERE name = ? AND build = ? AND key IN (${Array(count).fill('?').join(', ')})`,
      );
      loadStatements.set(count, statement);
    }
    return statement;
  };

  const requireBuild = (ref: BuildRef): void => {
    if (statements.buildExists.get(ref.name, ref.build) === undefined) {
      throw new Error(`no build ${ref.build} of projection ${ref.name}`);
    }
  };
  const drop = (ref: BuildRef): void => {
    statements.deleteDocuments.run(ref.name, ref.build);
    statements.deleteBuild.run(ref.name, ref.build);
  };

  return {
    engineName: 'sqlite',
    builds: async (name) =>
      (statements.builds.all(name) as { build: string; checkpoint: string | null }[]).map(
        (row) => ({
          name,
          build: row.build,
          checkpoint: checkpointFromText(row.checkpoint),
        }),
      ),
    createBuild: async (ref) => {
      await retryWhileBusy(() => statements.createBuild.run({ name: ref.name, build: ref.build }));
    },
    activeBuild: async (name) =>
      (statements.active.get(name) as { build: string } | undefined)?.build,
    activate: async (ref) => {
      await retryWhileBusy(() => {
        db.transaction(() => {
          requireBuild(ref);
          statements.setActive.run(ref.name, ref.build);
          for (const other of statements.otherBuilds.all(ref.name, ref.build) as {
            build: string;
          }[]) {
            drop({ name: ref.name, build: other.build });
          }
        }).immediate();
      });
    },
    dropBuild: async (ref) => {
      await retryWhileBusy(() => {
        db.transaction(() => {
          const active = statements.active.get(ref.name) as { build: string } | undefined;
          if (active?.build === ref.build) {
            throw new Error(`build ${ref.build} of ${ref.name} is active and cannot be dropped`);
          }
          drop(ref);
        }).immediate();
      });
    },
    loadDocuments: async (ref, keys) => {
      const found = new Map<string, StoredDocument>();
      for (let i = 0; i < keys.length; i += KEYS_PER_QUERY) {
        const chunk = keys.slice(i, i + KEYS_PER_QUERY);
        for (const row of loadStatement(chunk.length).all(
          ref.name,
          ref.build,
          ...chunk,
        ) as DocumentRow[]) {
          found.set(row.key, documentFromRow(row));
        }
      }
      return found;
    },
    commit: async (batch) => {
      await retryWhileBusy(() => {
        db.transaction(() => {
          const checked = new Set<string>();
          const requireOnce = (ref: BuildRef): void => {
            const id = `${ref.name}\u0000${ref.build}`;
            if (checked.has(id)) return;
            requireBuild(ref);
            checked.add(id);
          };
          // A batch lists each build's documents together: check a build when it changes.
          let last: BuildRef | undefined;
          for (const entry of batch.documents) {
            if (entry.name !== last?.name || entry.build !== last.build) requireOnce(entry);
            last = entry;
            const row = documentToRow(entry.document);
            statements.upsert.run(entry.name, entry.build, row.key, row.doc, row.last_position);
          }
          for (const checkpoint of batch.checkpoints) {
            requireOnce(checkpoint);
            const { guard } = checkpoint;
            if (guard?.fence !== undefined) leases.check(guard.fence);
            if (
              guard !== undefined &&
              !sameCheckpoint(
                checkpointFromText(
                  statements.checkpointOf.get(checkpoint.name, checkpoint.build) as string | null,
                ),
                guard.expected,
              )
            ) {
              throw new FencedOutError(
                `the checkpoint of ${checkpoint.build} of ${checkpoint.name} was moved by another runner`,
              );
            }
            statements.checkpoint.run(
              positionToString(checkpoint.position),
              checkpoint.name,
              checkpoint.build,
            );
          }
        }).immediate();
      });
    },
    getDocument: async (ref, key) => {
      const row = statements.get.get(ref.name, ref.build, key) as DocumentRow | undefined;
      return row === undefined ? undefined : documentFromRow(row);
    },
    documents: async function* (ref, query = {}) {
      const prefix = query.keyPrefix ?? '';
      let after = '';
      for (;;) {
        const rows = statements.page.all(
          ref.name,
          ref.build,
          after,
          prefix.length,
          prefix,
        ) as DocumentRow[];
        for (const row of rows) yield documentFromRow(row);
        if (rows.length < PAGE_SIZE) return;
        after = (rows[rows.length - 1] as DocumentRow).key;
      }
    },
    leases,
    close: async () => {
      if (owned) db.close();
    },
  };
};
