import { describe } from 'vitest';
import { describeEventStoreContract, describeTenantIsolation } from '@clientele/eventstore/testing';
import { createPostgresEventStore } from '@clientele/eventstore-postgres';
import { connectionString, usePostgres } from '../../../test/support/postgres.js';

const { available, throwawaySchema } = await usePostgres({ maxConnections: 2 });

const open = async () => {
  const schema = throwawaySchema();
  const store = createPostgresEventStore({ connectionString, schema, maxConnections: 12 });
  return {
    store,
    dispose: async () => {
      await store.close();
    },
  };
};

describe.runIf(available)('PostgreSQL engine', () => {
  describeEventStoreContract('postgres', open);
  describeTenantIsolation('postgres', open);
});
