import pg from 'pg';
import { afterAll, describe } from 'vitest';
import { describeEventStoreContract, describeTenantIsolation } from '@clientele/eventstore/testing';
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

const open = async () => {
  const schema = uniqueSchema();
  const store = createPostgresEventStore({ connectionString, schema, maxConnections: 12 });
  return {
    store,
    dispose: async () => {
      await store.close();
      await dropSchema(admin, schema);
    },
  };
};

describe.runIf(available)('PostgreSQL engine', () => {
  describeEventStoreContract('postgres', open);
  describeTenantIsolation('postgres', open);
});
