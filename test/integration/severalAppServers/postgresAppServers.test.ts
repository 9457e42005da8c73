import pg from 'pg';
import { afterAll, describe, it } from 'vitest';
import { createPostgresEventStore, createPostgresLeaseStore } from '@clientele/eventstore-postgres';
import { createPostgresReadModelStore } from '@clientele/projections/postgres';
import {
  connectionString,
  dropSchema,
  probePostgres,
  uniqueSchema,
} from '../../support/postgres.js';
import { readModelSchemaOf } from './appServerStores.js';
import { runAppServers } from './runAppServers.js';

const available = await probePostgres();
const pool = new pg.Pool({ connectionString, max: 4 });
const schema = uniqueSchema();
const readSchema = readModelSchemaOf(schema);
afterAll(async () => {
  await dropSchema(pool, schema);
  await dropSchema(pool, readSchema);
  await pool.end();
});

describe.runIf(available)('four app servers on one PostgreSQL store', () => {
  it('keep every read model equal to a rebuild and every reactor effect single through a kill and a pause', async () => {
    const store = createPostgresEventStore({ pool, schema });
    const readModels = createPostgresReadModelStore({ connection: pool, schema: readSchema });
    // Create the tables first, so the servers race on commands rather than on the migrations.
    await createPostgresLeaseStore({ pool, schema }).release({ name: '', holder: '', token: 0n });
    await readModels.builds('');
    const rows = async <R extends pg.QueryResultRow>(text: string, values: unknown[] = []) =>
      (await pool.query<R>(text, values)).rows;
    try {
      const run = await runAppServers(
        {
          store,
          readModels,
          checkpoints: async () =>
            new Map([
              ...(
                await rows<{ name: string; checkpoint: string }>(
                  `SELECT name || '/' || build AS name, checkpoint FROM "${readSchema}".projection_builds
                   WHERE checkpoint IS NOT NULL`,
                )
              ).map((r) => [r.name, r.checkpoint] as const),
              ...(
                await rows<{ name: string; position: string }>(
                  `SELECT name, position FROM "${schema}".checkpoints`,
                )
              ).map((r) => [r.name, r.position] as const),
            ]),
          leaseHolders: async () =>
            new Map(
              (
                await rows<{ name: string; holder: string }>(
                  `SELECT name, holder FROM "${readSchema}".projection_leases WHERE expires_at > now()
                   UNION ALL SELECT name, holder FROM "${schema}".leases WHERE expires_at > now()`,
                )
              ).map((r) => [r.name, r.holder]),
            ),
        },
        ['postgres', connectionString, schema],
        { runMs: 5_000, ttlMs: 1_000 },
      );
      console.log(`four app servers on PostgreSQL: ${JSON.stringify(run)}`);
    } finally {
      await store.close();
    }
  }, 240_000);
});
