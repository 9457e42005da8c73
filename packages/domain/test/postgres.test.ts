import pg from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, describe } from 'vitest';
import { createPostgresEventStore } from '@clientele/eventstore-postgres';
import type { OpenEventStore } from '@clientele/eventstore/testing';
import { describeDuplicateCustomerChecks, describeLeadConversion } from '@clientele/domain/testing';

const connectionString =
  process.env.CLIENTELE_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** Whether the server answers; without one the tests are skipped and say why (CI requires it). */
const probe = async (): Promise<boolean> => {
  const client = new pg.Client({ connectionString, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch (error) {
    const reason = `PostgreSQL at ${connectionString} is unreachable (${String(error)})`;
    if (process.env.CI === 'true') throw new Error(`${reason}; CI=true requires it`);
    console.log(`Skipping the domain tests on PostgreSQL: ${reason}.`);
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
};

const available = await probe();
const admin = new pg.Pool({ connectionString, max: 2 });
afterAll(() => admin.end());

const openPostgres: OpenEventStore = async () => {
  const schema = `clientele_domain_${uuidv7().replaceAll('-', '')}`;
  const store = createPostgresEventStore({ connectionString, schema, maxConnections: 12 });
  return {
    store,
    dispose: async () => {
      await store.close();
      await admin.query(`drop schema if exists "${schema}" cascade`);
    },
  };
};

describe.runIf(available)('domain on PostgreSQL', () => {
  describeDuplicateCustomerChecks('postgres', openPostgres);
  describeLeadConversion('postgres', openPostgres);
});
