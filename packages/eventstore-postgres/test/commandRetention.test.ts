import * as E from 'fp-ts/lib/Either.js';
import { v7 as uuidv7 } from 'uuid';
import { describe, expect, it } from 'vitest';
import { testEvent } from '@clientele/eventstore/testing';
import { createPostgresEventStore } from '@clientele/eventstore-postgres';
import { connectionString, usePostgres } from '../../../test/support/postgres.js';

const { available, pool: admin, throwawaySchema } = await usePostgres({ maxConnections: 2 });

describe.runIf(available)('PostgreSQL command-id retention', () => {
  it('forgets a command id after the retention window, and prunes its record on the next start', async () => {
    const schema = throwawaySchema();
    const options = { connectionString, schema, commandRetentionMilliseconds: 300 };
    const store = createPostgresEventStore(options);
    try {
      const commandId = uuidv7();
      const first = await store.appendToStream('Lead-1', [testEvent('A')], { commandId });
      const retried = await store.appendToStream('Lead-1', [testEvent('A')], { commandId });
      expect(E.isRight(retried) && retried.right.duplicate).toBe(true);
      await new Promise((resolve) => setTimeout(resolve, 400));
      expect(await store.findCommandResult(commandId)).toBeUndefined();
      const later = await store.appendToStream('Lead-1', [testEvent('A')], { commandId });
      expect(E.isRight(later) && later.right).toMatchObject({
        duplicate: false,
        firstRevision: 1n,
      });
      expect(E.isRight(first) && first.right.firstRevision).toBe(0n);

      await new Promise((resolve) => setTimeout(resolve, 400));
      const restarted = createPostgresEventStore(options);
      await restarted.headPosition();
      await restarted.close();
      const { rows } = await admin.query(`select count(*)::int as n from "${schema}".commands`);
      expect(rows[0]).toEqual({ n: 0 });
    } finally {
      await store.close();
    }
  });
});
