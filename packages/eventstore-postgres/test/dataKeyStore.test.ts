import pg from 'pg';
import { afterAll, describe, it } from 'vitest';
import { describeDataKeyStoreContract } from '@clientele/eventstore/testing';
import { createPostgresDataKeyStore } from '@clientele/eventstore-postgres';
import type { PostgresDataKeyStore } from '@clientele/eventstore-postgres';
import {
  connectionString,
  dropSchema,
  probePostgres,
  uniqueSchema,
} from '../../../test/support/postgres.js';

const available = await probePostgres();
const pool = new pg.Pool({ connectionString, max: 4 });
afterAll(() => pool.end());

if (available) {
  describeDataKeyStoreContract('postgres', async () => {
    const schema = uniqueSchema();
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
        await dropSchema(pool, schema);
      },
    };
  });
} else {
  describe('postgres: data key store contract', () => {
    it.skip('needs a reachable PostgreSQL server (see the message above)', () => undefined);
  });
}
