import { describe, it } from 'vitest';
import { describeDataKeyStoreContract } from '@clientele/eventstore/testing';
import { createPostgresDataKeyStore } from '@clientele/eventstore-postgres';
import type { PostgresDataKeyStore } from '@clientele/eventstore-postgres';
import { connectionString, usePostgres } from '../../../test/support/postgres.js';

const { available, pool, throwawaySchema } = await usePostgres({ maxConnections: 4 });

if (available) {
  describeDataKeyStoreContract('postgres', async () => {
    const schema = throwawaySchema();
    const keys = createPostgresDataKeyStore({ pool, schema });
    const opened: PostgresDataKeyStore[] = [];
    return {
      keys,
      // A store with its own pool, as another app server or a restart would open it.
      reopen: async () => {
        const again = createPostgresDataKeyStore({ connectionString, schema });
        opened.push(again);
        return again;
      },
      dispose: async () => {
        await Promise.all(opened.map((store) => store.close()));
      },
    };
  });
} else {
  describe('postgres: data key store contract', () => {
    it.skip('needs a reachable PostgreSQL server (see the message above)', () => undefined);
  });
}
