import pg from 'pg';
import { afterAll, describe } from 'vitest';
import { describeEventStoreContract } from '@clientele/eventstore/testing';
import { createPostgresEventStore } from '@clientele/eventstore-postgres';
import {
  connectionString,
  dropSchema,
  probePostgres,
  uniqueSchema,
} from '../../../test/support/postgres.js';

const available = await probePostgres();
const admin = new pg.Pool({ connectionString, max: 2 });
afterAll(() => admin.end());

describe.runIf(available)('PostgreSQL engine', () => {
  describeEventStoreContract('postgres', async () => {
    const schema = uniqueSchema();
    const store = createPostgresEventStore({ connectionString, schema, maxConnections: 12 });
    return {
      store,
      dispose: async () => {
        await store.close();
        await dropSchema(admin, schema);
      },
    };
  });
});
