import pg from 'pg';
import { afterAll, describe, it } from 'vitest';
import { createPostgresEventStore } from '@clientele/eventstore-postgres';
import { createSqliteEventStore } from '@clientele/eventstore-sqlite';
import { tempStoreFile } from '../../../packages/eventstore-sqlite/test/support/childScripts.js';
import { connectionString, dropSchema, probePostgres } from '../../support/postgres.js';
import { raceTwoBookers } from './raceBooking.js';

const available = await probePostgres();

describe('two processes booking the same rep at once', () => {
  it('end with one winner per slot on SQLite', async () => {
    const { file, remove } = tempStoreFile();
    // Create the schema first, so the processes race on bookings rather than on the migration.
    const store = createSqliteEventStore({ file });
    await store.headPosition();
    try {
      await raceTwoBookers(`sqlite:${file}`, store);
    } finally {
      await store.close();
      remove();
    }
  });

  describe.runIf(available)('on PostgreSQL', () => {
    const pool = new pg.Pool({ connectionString, max: 2 });
    const schema = `activities_race_${Date.now().toString(36)}`;
    afterAll(async () => {
      await dropSchema(pool, schema);
      await pool.end();
    });

    it('end with one winner per slot on PostgreSQL', async () => {
      const store = createPostgresEventStore({ pool, schema });
      await store.headPosition();
      await raceTwoBookers(`postgres:${schema}`, store);
    });
  });
});
