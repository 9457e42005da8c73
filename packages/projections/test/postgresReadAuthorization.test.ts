import pg from 'pg';
import { afterAll, describe } from 'vitest';
import { createPostgresReadModelStore } from '@clientele/projections/postgres';
import { describeReadAuthorization } from '@clientele/projections/testing';
import { connectionString, probePostgres, uniqueSchema } from '../../../test/support/postgres.js';

const available = await probePostgres();
const pool = new pg.Pool({ connectionString, max: 4 });
const schema = uniqueSchema();
afterAll(async () => {
  await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await pool.end();
});

describe.runIf(available)('PostgreSQL read models', () => {
  describeReadAuthorization(
    'postgres (throwaway schema)',
    async () => createPostgresReadModelStore({ connection: pool, schema }),
    { numRuns: 80 },
  );
});
