import { describe, expect, it } from 'vitest';
import { position } from '@clientele/eventstore';
import { collect, testEvent } from '@clientele/eventstore/testing';
import { createPostgresEventStore } from '@clientele/eventstore-postgres';
import { connectionString, usePostgres } from '../../../test/support/postgres.js';

const { available, pool: admin, throwawaySchema } = await usePostgres({ maxConnections: 2 });

describe.runIf(available)('PostgreSQL log order', () => {
  it('orders the log by transaction id as a number, then by sequence', async () => {
    const schema = throwawaySchema();
    const store = createPostgresEventStore({ connectionString, schema });
    try {
      await store.headPosition();
      // Rows written as if by old transactions 10 and then 9 (as text, "10" sorts before "9").
      for (const [xid, type] of [
        ['10', 'Second'],
        ['9', 'First'],
      ] as const) {
        const event = testEvent(type);
        await admin.query(
          `insert into "${schema}".events (transaction_id, stream_name, stream_revision, event_id, type, data, metadata, recorded_at)
           values ($1::text::xid8, $2, 0, $3, $4, '{}', $5, now())`,
          [xid, `Old-${xid}`, event.eventId, type, JSON.stringify(event.metadata)],
        );
      }
      const log = await collect(store.readAll());
      expect(log.map((event) => [event.type, event.position])).toEqual([
        ['First', position(9n, 2n)],
        ['Second', position(10n, 1n)],
      ]);
      expect((await collect(store.readAll({ direction: 'backwards' }))).map((e) => e.type)).toEqual(
        ['Second', 'First'],
      );
      expect(await store.headPosition()).toEqual(position(10n, 1n));
      const subscription = store.subscribeToAll();
      const delivered: string[] = [];
      for await (const message of subscription) {
        if (message.kind === 'caughtUp') break;
        delivered.push(message.event.type);
      }
      await subscription.stop();
      expect(delivered).toEqual(['First', 'Second']);
    } finally {
      await store.close();
    }
  });
});
