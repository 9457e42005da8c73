import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { createReactorRunner } from '@clientele/eventstore';
import { testEvent } from '@clientele/eventstore/testing';
import {
  createPostgresCheckpointStore,
  createPostgresEventStore,
} from '@clientele/eventstore-postgres';
import {
  connectionString,
  dropSchema,
  probePostgres,
  uniqueSchema,
} from '../../../test/support/postgres.js';

const available = await probePostgres();
const pool = new pg.Pool({ connectionString, max: 4 });
afterAll(() => pool.end());

describe.runIf(available)('a reactor on PostgreSQL', () => {
  it('resumes from its durable checkpoint after a restart, handling each event once', async () => {
    const schema = uniqueSchema();
    const store = createPostgresEventStore({ pool, schema });
    const handled: string[] = [];
    const runner = () =>
      createReactorRunner({
        name: 'welcome-mailer',
        store,
        checkpoints: createPostgresCheckpointStore({ pool, schema }),
        filter: { eventTypes: ['LeadCaptured'] },
        react: async (event) => {
          handled.push(event.eventId);
        },
        checkpointEvery: 1,
      });
    try {
      for (let n = 0; n < 5; n += 1) {
        await store.appendToStream(`Lead-${n}`, [testEvent('LeadCaptured'), testEvent('Noted')]);
      }
      expect(await runner().catchUp()).toBe(5);
      for (let n = 5; n < 8; n += 1) {
        await store.appendToStream(`Lead-${n}`, [testEvent('LeadCaptured')]);
      }
      // A new process: a new runner with a new checkpoint store over the same schema.
      expect(await runner().catchUp()).toBe(3);
      expect(new Set(handled).size).toBe(8);
      expect(await runner().status()).toMatchObject({ caughtUp: true });
    } finally {
      await store.close();
      await dropSchema(pool, schema);
    }
  });
});
