import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as E from 'fp-ts/lib/Either.js';
import pg from 'pg';
import { afterAll } from 'vitest';
import type { EventStore } from '@clientele/eventstore';
import { describeErasure } from '@clientele/domain/testing';
import {
  createSqliteDataKeyStore,
  createSqliteEventStore,
  createSqliteSnapshotStore,
  purgeErasedData as purgeErasedSqliteData,
} from '@clientele/eventstore-sqlite';
import {
  createPostgresDataKeyStore,
  createPostgresEventStore,
  createPostgresSnapshotStore,
  purgeErasedData as purgeErasedPostgresData,
} from '@clientele/eventstore-postgres';
import { allReadModels, createProjectionRunner } from '@clientele/projections';
import { createSqliteReadModelStore } from '@clientele/projections/sqlite';
import { createPostgresReadModelStore } from '@clientele/projections/postgres';
import { describeWhenAvailable } from '../../support/requireService.js';
import {
  connectionString,
  dropSchema,
  probePostgres,
  uniqueSchema,
} from '../../support/postgres.js';

/** Projects every read model of the domain from `store` into `readModels` and returns their text. */
const project = async (
  store: EventStore,
  readModels: Parameters<typeof createProjectionRunner>[0]['readModels'],
  documents: () => Promise<string>,
): Promise<string> => {
  await createProjectionRunner({ events: store, readModels, projections: allReadModels }).catchUp();
  return documents();
};

describeErasure('SQLite', async () => {
  const directory = mkdtempSync(join(tmpdir(), 'clientele-erasure-'));
  const file = join(directory, 'store.db');
  const engine = createSqliteEventStore({ file });
  const { database } = engine;
  return {
    engine,
    keys: createSqliteDataKeyStore({ database }),
    snapshots: createSqliteSnapshotStore(engine),
    readModels: (store) =>
      project(store, createSqliteReadModelStore({ database }), async () =>
        (database.prepare('SELECT doc FROM projection_documents').pluck().all() as string[]).join(
          '\n',
        ),
      ),
    purge: async () => {
      const purged = purgeErasedSqliteData(database);
      if (E.isLeft(purged)) throw new Error(`purge blocked: ${JSON.stringify(purged.left)}`);
    },
    rawFiles: async () =>
      [file, `${file}-wal`].filter((path) => existsSync(path)).map((path) => readFileSync(path)),
    close: async () => {
      await engine.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
});

const postgres = await probePostgres();
const pool = new pg.Pool({ connectionString, max: 4 });
afterAll(() => pool.end());

/** Whether this role may read the server's files (a superuser, as the local test role is). */
const readsServerFiles = async (): Promise<boolean> => {
  if (!postgres) return false;
  const { rows } = await pool.query<{ allowed: boolean }>(
    `select rolsuper or (pg_has_role('pg_read_server_files', 'member')
       and pg_has_role('pg_checkpoint', 'member')) as allowed
     from pg_roles where rolname = current_user`,
  );
  return rows[0]?.allowed === true;
};
const rawAccess = await readsServerFiles();

/**
 * The raw-file check when this role may read the server's files. Without that right it is left
 * out with a printed reason, except under `CI=true`, where it fails: CI must prove the bytes are
 * gone, not skip the proof.
 */
const rawFilesUnless = (
  allowed: boolean,
  read: () => Promise<Buffer[]>,
): { rawFiles?: () => Promise<Buffer[]> } => {
  if (allowed) return { rawFiles: read };
  const reason =
    'this role may not read the server files (grant pg_read_server_files and pg_checkpoint, ' +
    'or run as a superuser)';
  if (process.env['CI'] === 'true') {
    return { rawFiles: () => Promise.reject(new Error(`PostgreSQL raw-file check: ${reason}`)) };
  }
  console.log(`PostgreSQL erasure: raw files not checked: ${reason}`);
  return {};
};

/** The current files of the schema's tables, read from the server's disk after a checkpoint. */
const tableFiles = async (schema: string): Promise<Buffer[]> => {
  await pool.query('checkpoint');
  const { rows } = await pool.query<{ bytes: Buffer | null }>(
    `select pg_read_binary_file(pg_relation_filepath(c.oid), 0, 1000000000, true) as bytes
     from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = $1 and c.relkind in ('r', 't')`,
    [schema],
  );
  return rows.map((row) => row.bytes ?? Buffer.alloc(0));
};

describeWhenAvailable(
  'PostgreSQL',
  postgres ? undefined : 'no PostgreSQL server at ' + connectionString,
  () => {
    describeErasure('PostgreSQL', async () => {
      const schema = uniqueSchema();
      const engine = createPostgresEventStore({ connectionString, schema });
      return {
        engine,
        keys: createPostgresDataKeyStore({ pool, schema }),
        snapshots: createPostgresSnapshotStore({ pool, schema }),
        readModels: (store) =>
          project(store, createPostgresReadModelStore({ connection: pool, schema }), async () => {
            const { rows } = await pool.query<{ doc: unknown }>(
              `select doc from "${schema}".projection_documents`,
            );
            return rows.map((row) => JSON.stringify(row.doc)).join('\n');
          }),
        purge: () => purgeErasedPostgresData(pool, schema),
        ...rawFilesUnless(rawAccess, () => tableFiles(schema)),
        close: async () => {
          await engine.close();
          await dropSchema(pool, schema);
        },
      };
    });
  },
);
