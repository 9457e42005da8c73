import pg from 'pg';
import { afterAll } from 'vitest';
import { describeWhenAvailable } from '../../../test/support/requireService.js';
import { connectionString, probePostgres, uniqueSchema } from '../../../test/support/postgres.js';
import { openStores } from '../src/openStore.js';
import { describeCrmApi } from './crmApiSuite.js';

const schema = uniqueSchema();
const available = await probePostgres();

describeWhenAvailable(
  'the CRM service with DATABASE_URL set',
  available ? undefined : 'PostgreSQL is not reachable',
  () => {
    afterAll(async () => {
      const client = new pg.Client({ connectionString });
      await client.connect();
      await client.query(
        `DROP SCHEMA IF EXISTS ${schema} CASCADE; DROP SCHEMA IF EXISTS ${schema}_read_models CASCADE`,
      );
      await client.end();
    });
    describeCrmApi('PostgreSQL', async () => openStores({ databaseUrl: connectionString, schema }));
  },
);
