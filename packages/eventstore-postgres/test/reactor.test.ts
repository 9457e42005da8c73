import { describe, expect, it } from 'vitest';
import { createReactorRunner } from '@clientele/eventstore';
import { testEvent } from '@clientele/eventstore/testing';
import {
  createPostgresCheckpointStore,
  createPostgresEventStore,
} from '@clientele/eventstore-postgres';
import { usePostgres } from '../../../test/support/postgres.js';

const { available, pool, throwawaySchema } = await usePostgres({ maxConnections: 4 });

describe.runIf(available)('a reactor on PostgreSQL', () => {
  it('resumes from its durable checkpoint after a restart, handling each event once', async () => {
    const schema = throwawaySchema();
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
    }
  });
});
