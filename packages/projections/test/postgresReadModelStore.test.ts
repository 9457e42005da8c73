import pg from 'pg';
import { afterAll, describe } from 'vitest';
import { createPostgresReadModelStore } from '@clientele/projections/postgres';
import { describeReadModelStoreContract } from '@clientele/projections/testing';
import { connectionString, probePostgres, uniqueSchema } from '../../../test/support/postgres.js';

const available = await probePostgres();
const pool = new pg.Pool({ connectionString, max: 4 });
const schemas: string[] = [];
afterAll(async () => {
  for (const schema of schemas) await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await pool.end();
});

describe.runIf(available)('PostgreSQL read models', () => {
  describeReadModelStoreContract('postgres', async () => {
    const schema = uniqueSchema();
    schemas.push(schema);
    return createPostgresReadModelStore({ connection: pool, schema });
  });
});
