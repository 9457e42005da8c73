import pg from 'pg';
import { FencedOutError, positionToString } from '@clientele/eventstore';
import type { StoredDocument } from '../projection/storedDocument.js';
import { checkpointFromText, documentFromRow, documentToRow } from '../store/documentRow.js';
import type { BuildRef, ReadModelStore } from '../store/readModelStore.js';
import {
  checkFence,
  createPostgresLeaseRows,
  inTransaction,
  onceReady,
  unlessUnavailable,
} from '@clientele/eventstore-postgres';
import { ensureReadModelSchema, quoteIdentifier } from './schema.js';

/** Options of {@link createPostgresReadModelStore}. */
export interface PostgresReadModelStoreOptions {
  /** A pool to use (left open on close), or a connection string to open one. */
  readonly connection: pg.Pool | string;
  /** The schema of the read-model tables; created if missing. Defaults to `clientele_read`. */
  readonly schema?: string;
  /**
   * For queries against a streaming replica (a hot standby): the schema is taken as it is, not
   * created, since a replica refuses every write. Runners write through a store on the primary;
   * this one sees their commits as the replica applies them.
   */
  readonly readOnly?: boolean;
}

const PAGE_SIZE = 500;

interface TextRow {
  readonly key: string;
  readonly doc: string;
  readonly last_position: string;
}

/**
 * A read-model store in PostgreSQL, through pg. A batch is one transaction: documents are upserted
 * in one statement from arrays, checkpoints updated after, and either all of it is committed or
 * none. Documents are `jsonb`, so ad-hoc SQL can query them.
 */
export const createPostgresReadModelStore = (
  options: PostgresReadModelStoreOptions,
): ReadModelStore => {
  const owned = typeof options.connection === 'string';
  const pool =
    typeof options.connection === 'string'
      ? new pg.Pool({ connectionString: options.connection, max: 4 })
      : options.connection;
  // An idle connection the server drops (a restart) must not crash the process; the next query
  // reconnects, and until then fails with the retryable `StoreUnavailableError`.
  if (owned) pool.on('error', () => undefined);
  const schema = options.schema ?? 'clientele_read';
  const s = quoteIdentifier(schema);
  const ready =
    options.readOnly === true
      ? async () => undefined
      : onceReady(() => ensureReadModelSchema(pool, schema));
  // A server that cannot be reached fails with the retryable `StoreUnavailableError`.
  const query = <R extends pg.QueryResultRow>(text: string, values: unknown[] = []) =>
    unlessUnavailable(async () => {
      await ready();
      return (await pool.query<R>(text, values)).rows;
    });
  const requireBuild = async (client: pg.PoolClient, ref: BuildRef): Promise<void> => {
    const found = await client.query(
      `SELECT 1 FROM ${s}.projection_builds WHERE name = $1 AND build = $2`,
      [ref.name, ref.build],
    );
    if (found.rowCount === 0) throw new Error(`no build ${ref.build} of projection ${ref.name}`);
  };
  const drop = async (client: pg.PoolClient, ref: BuildRef): Promise<void> => {
    await client.query(`DELETE FROM ${s}.projection_documents WHERE name = $1 AND build = $2`, [
      ref.name,
      ref.build,
    ]);
    await client.query(`DELETE FROM ${s}.projection_builds WHERE name = $1 AND build = $2`, [
      ref.name,
      ref.build,
    ]);
  };
  const transaction = <A>(work: (client: pg.PoolClient) => Promise<A>): Promise<A> =>
    unlessUnavailable(async () => {
      await ready();
      return inTransaction(pool, work);
    });
  const leaseTable = `${s}.projection_leases`;
  const selectDocument = `SELECT key, doc::text AS doc, last_position FROM ${s}.projection_documents`;

  return {
    engineName: 'postgres',
    builds: async (name) =>
      (
        await query<{ build: string; checkpoint: string | null }>(
          `SELECT build, checkpoint FROM ${s}.projection_builds WHERE name = $1 ORDER BY created`,
          [name],
        )
      ).map((row) => ({ name, build: row.build, checkpoint: checkpointFromText(row.checkpoint) })),
    createBuild: async (ref) => {
      await query(
        `INSERT INTO ${s}.projection_builds (name, build) VALUES ($1, $2) ON CONFLICT DO NOTHING`,
        [ref.name, ref.build],
      );
    },
    activeBuild: async (name) =>
      (
        await query<{ build: string }>(`SELECT build FROM ${s}.projection_active WHERE name = $1`, [
          name,
        ])
      )[0]?.build,
    activate: (ref) =>
      transaction(async (client) => {
        await requireBuild(client, ref);
        await client.query(
          `INSERT INTO ${s}.projection_active (name, build) VALUES ($1, $2)
           ON CONFLICT (name) DO UPDATE SET build = excluded.build`,
          [ref.name, ref.build],
        );
        const others = await client.query<{ build: string }>(
          `SELECT build FROM ${s}.projection_builds WHERE name = $1 AND build <> $2`,
          [ref.name, ref.build],
        );
        for (const other of others.rows) await drop(client, { name: ref.name, build: other.build });
      }),
    dropBuild: (ref) =>
      transaction(async (client) => {
        const active = await client.query(
          `SELECT 1 FROM ${s}.projection_active WHERE name = $1 AND build = $2`,
          [ref.name, ref.build],
        );
        if (active.rowCount !== 0) {
          throw new Error(`build ${ref.build} of ${ref.name} is active and cannot be dropped`);
        }
        await drop(client, ref);
      }),
    loadDocuments: async (ref, keys) => {
      const found = new Map<string, StoredDocument>();
      if (keys.length === 0) return found;
      const rows = await query<TextRow>(
        `${selectDocument} WHERE name = $1 AND build = $2 AND key = ANY($3::text[])`,
        [ref.name, ref.build, keys],
      );
      for (const row of rows) found.set(row.key, documentFromRow(row));
      return found;
    },
    commit: (batch) =>
      transaction(async (client) => {
        const targets = new Map<string, BuildRef>();
        for (const ref of [...batch.documents, ...batch.checkpoints])
          targets.set(`${ref.name}\u0000${ref.build}`, ref);
        for (const ref of targets.values()) await requireBuild(client, ref);
        if (batch.documents.length > 0) {
          const rows = batch.documents.map((change) => ({
            ...change,
            row: documentToRow(change.document),
          }));
          await client.query(
            `INSERT INTO ${s}.projection_documents (name, build, key, doc, last_position)
             SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::jsonb[], $5::text[])
             ON CONFLICT (name, build, key) DO UPDATE
             SET doc = excluded.doc, last_position = excluded.last_position`,
            [
              rows.map((r) => r.name),
              rows.map((r) => r.build),
              rows.map((r) => r.row.key),
              rows.map((r) => r.row.doc),
              rows.map((r) => r.row.last_position),
            ],
          );
        }
        for (const { guard, ...checkpoint } of batch.checkpoints) {
          if (guard?.fence !== undefined) await checkFence(client, leaseTable, guard.fence);
          const expected = guard?.expected === undefined ? null : positionToString(guard.expected);
          const written = await client.query(
            `UPDATE ${s}.projection_builds SET checkpoint = $1 WHERE name = $2 AND build = $3
             AND ($4 OR checkpoint IS NOT DISTINCT FROM $5)`,
            [
              positionToString(checkpoint.position),
              checkpoint.name,
              checkpoint.build,
              guard === undefined,
              expected,
            ],
          );
          if (written.rowCount === 0) {
            throw new FencedOutError(
              `the checkpoint of ${checkpoint.build} of ${checkpoint.name} was moved by another runner`,
            );
          }
        }
      }),
    getDocument: async (ref, key) => {
      const rows = await query<TextRow>(
        `${selectDocument} WHERE name = $1 AND build = $2 AND key = $3`,
        [ref.name, ref.build, key],
      );
      return rows[0] === undefined ? undefined : documentFromRow(rows[0]);
    },
    documents: async function* (ref, documentQuery = {}) {
      const prefix = documentQuery.keyPrefix ?? '';
      let after = '';
      for (;;) {
        const rows = await query<TextRow>(
          `${selectDocument} WHERE name = $1 AND build = $2 AND key > $3 AND left(key, $4) = $5
           ORDER BY key LIMIT ${PAGE_SIZE}`,
          [ref.name, ref.build, after, prefix.length, prefix],
        );
        for (const row of rows) yield documentFromRow(row);
        if (rows.length < PAGE_SIZE) return;
        after = (rows[rows.length - 1] as TextRow).key;
      }
    },
    leases: createPostgresLeaseRows(query, leaseTable),
    close: async () => {
      if (owned) await pool.end();
    },
  };
};
