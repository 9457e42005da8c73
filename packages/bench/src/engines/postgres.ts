import pg from 'pg';
import { v7 as uuidv7 } from 'uuid';
import {
  createPostgresDataKeyStore,
  createPostgresEventStore,
} from '@clientele/eventstore-postgres';
import type { BenchEngine } from '../benchEngine.js';
import { emmettPostgresPeer } from '../peers/emmettPostgres.js';
import { timeEach, timeOnce } from '../measure.js';
import { sampleEvent } from '../workloads/sampleEvents.js';

/** The server to measure: `CLIENTELE_PG_URL`, or the local one CI starts. */
const connectionString =
  process.env.CLIENTELE_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const freshSchema = (): string => `clientele_bench_${uuidv7().replaceAll('-', '')}`;

/**
 * A raw table shaped like the engine's `events` (same columns, json payloads, a unique
 * (stream, revision) index), so the baseline writes the same bytes without Clientele.
 */
const withRawTable = async <T>(
  connections: number,
  body: (pool: pg.Pool, table: string) => Promise<T>,
): Promise<T> => {
  const schema = freshSchema();
  const pool = new pg.Pool({ connectionString, max: connections });
  const table = `"${schema}".events`;
  try {
    await pool.query(`create schema "${schema}"`);
    await pool.query(`create table ${table} (
      position bigint generated always as identity primary key, stream_name text not null,
      stream_revision bigint not null, event_id uuid not null, type text not null,
      data json not null, metadata json not null, recorded_at timestamptz not null,
      unique (stream_name, stream_revision))`);
    return await body(pool, table);
  } finally {
    await pool.query(`drop schema "${schema}" cascade`).catch(() => undefined);
    await pool.end();
  }
};

/** One single-row INSERT, autocommitted: a transaction per event, as an append is. */
const insertRow = (
  pool: pg.Pool,
  table: string,
  row: { readonly index: number; readonly stream: string; readonly revision: number },
) => {
  const { stream, revision } = row;
  const event = sampleEvent(row.index);
  return pool.query({
    // Prepared once per connection; the name must be unique per table and under 63 characters.
    name: `raw_insert_${table.replace(/[^a-z0-9]/g, '').slice(-32)}`,
    text: `insert into ${table} (stream_name, stream_revision, event_id, type, data, metadata, recorded_at)
           values ($1, $2, $3, $4, $5, $6, now())`,
    values: [
      stream,
      revision,
      event.eventId,
      event.type,
      JSON.stringify(event.data),
      JSON.stringify(event.metadata),
    ],
  });
};

/**
 * The PostgreSQL engine, each workload in a fresh schema, measured against raw `pg` single-row
 * INSERT transactions into a table of the same shape: one connection for W1, one per client
 * for W4, and row iteration with the driver's JSON parsing for W3.
 */
export const postgresBenchEngine: BenchEngine = {
  name: 'postgres',
  peer: emmettPostgresPeer(connectionString),
  unavailable: async () => {
    const client = new pg.Client({ connectionString, connectionTimeoutMillis: 2000 });
    try {
      await client.connect();
      return undefined;
    } catch (error) {
      return `PostgreSQL at ${connectionString} is unreachable (${String(error)})`;
    } finally {
      await client.end().catch(() => undefined);
    }
  },
  open: async () => {
    const schema = freshSchema();
    const store = createPostgresEventStore({ connectionString, schema });
    await store.headPosition();
    const keyPool = new pg.Pool({ connectionString, max: 2 });
    return {
      store,
      keys: createPostgresDataKeyStore({ pool: keyPool, schema }),
      location: [connectionString, schema],
      analyze: async () => {
        await keyPool.query(`analyze "${schema}".events`);
      },
      close: async () => {
        await keyPool.end();
        await store.close();
        const admin = new pg.Client({ connectionString });
        await admin.connect();
        await admin.query(`drop schema "${schema}" cascade`);
        // W7's CLI import keeps its read models in a schema beside the log's.
        await admin.query(`drop schema if exists "${schema}_read_models" cascade`);
        await admin.end();
      },
    };
  },
  rawSingleRowAppends: (count, streams) =>
    withRawTable(1, async (pool, table) => {
      const revisions = new Array<number>(streams).fill(0);
      return timeEach(count, async (index) => {
        const stream = index % streams;
        const revision = revisions[stream] ?? 0;
        await insertRow(pool, table, { index, stream: `Bench-${stream}`, revision });
        revisions[stream] = revision + 1;
      });
    }),
  rawReadAll: (count, passes = 1) =>
    withRawTable(1, async (pool, table) => {
      const batch = 1000;
      for (let start = 0; start < count; start += batch) {
        const size = Math.min(batch, count - start);
        const events = Array.from({ length: size }, (_, offset) => sampleEvent(start + offset));
        await pool.query(
          `insert into ${table} (stream_name, stream_revision, event_id, type, data, metadata, recorded_at)
           select 'Bench-' || (n % 1000), n / 1000, (e->>'eventId')::uuid, e->>'type', e->'data', e->'metadata', now()
           from json_array_elements($1::json) with ordinality as t(e, i), lateral (select $2::int + i::int - 1 as n) k`,
          [JSON.stringify(events), start],
        );
      }
      await pool.query(`analyze ${table}`);
      // Keyset pages of 500, as the engine reads, with pg parsing the json columns.
      const latencies = await timeEach(passes, async () => {
        let seen = 0;
        let after = 0;
        for (;;) {
          const { rows } = await pool.query<{ position: string; data: unknown }>(
            `select * from ${table} where position > $1 order by position limit 500`,
            [after],
          );
          seen += rows.length;
          const last = rows[rows.length - 1];
          if (last === undefined) return seen;
          after = Number(last.position);
        }
      });
      return latencies.map((ms) => ms / 1000);
    }),
  rawConcurrentAppends: (clients, perClient) =>
    withRawTable(clients, async (pool, table) => {
      const { seconds } = await timeOnce(() =>
        Promise.all(
          Array.from({ length: clients }, async (_, client) => {
            for (let n = 0; n < perClient; n += 1) {
              await insertRow(pool, table, {
                index: n,
                stream: `Bench-${client}-${n % 100}`,
                revision: Math.floor(n / 100),
              });
            }
          }),
        ),
      );
      return seconds;
    }),
};
