import pg from 'pg';
import { describe, expect, it } from 'vitest';
import type { RecordedEvent, SubscriptionMessage } from '@clientele/eventstore';
import { testEvent } from '@clientele/eventstore/testing';
import {
  LISTENER_APPLICATION_NAME,
  createPostgresEventStore,
} from '@clientele/eventstore-postgres';
import { connectionString, usePostgres } from '../../../test/support/postgres.js';

const { available, pool: admin, throwawaySchema } = await usePostgres({ maxConnections: 2 });

const listenerPids = async (schema: string): Promise<number[]> => {
  const { rows } = await admin.query<{ pid: number }>(
    `select pid from pg_stat_activity where application_name = $1 and query like $2`,
    [LISTENER_APPLICATION_NAME, `%cl_${schema}%`],
  );
  return rows.map((row) => row.pid);
};

const eventually = async <T>(look: () => Promise<T | undefined>, what: string): Promise<T> => {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const found = await look();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

describe.runIf(available)('PostgreSQL live subscriptions', () => {
  it('wakes on NOTIFY from another process and survives its listening connection being killed', async () => {
    const schema = throwawaySchema();
    // Polling once a minute: anything delivered within seconds came through LISTEN/NOTIFY.
    const reader = createPostgresEventStore({ connectionString, schema, pollMilliseconds: 60_000 });
    const writer = createPostgresEventStore({ connectionString, schema });
    try {
      await reader.headPosition();
      const subscription = reader.subscribeToAll();
      const iterator = subscription[Symbol.asyncIterator]();
      const nextEvent = async (): Promise<RecordedEvent> => {
        const timeout = new Promise<never>((_, reject) =>
          setTimeout(() => {
            reject(new Error('no event within 5 s'));
          }, 5000),
        );
        const message: IteratorResult<SubscriptionMessage> = await Promise.race([
          iterator.next(),
          timeout,
        ]);
        if (message.done === true || message.value.kind !== 'event')
          throw new Error('expected an event');
        return message.value.event;
      };
      expect((await iterator.next()).value).toMatchObject({ kind: 'caughtUp' });

      await writer.appendToStream('Lead-1', [testEvent('LeadCaptured')]);
      expect((await nextEvent()).type).toBe('LeadCaptured');

      const [first] = await eventually(async () => {
        const pids = await listenerPids(schema);
        return pids.length > 0 ? pids : undefined;
      }, 'the listener');
      await admin.query('select pg_terminate_backend($1)', [first]);
      // Appended while the listener is down: the subscription re-reads when it reconnects.
      await writer.appendToStream('Lead-1', [testEvent('LeadAssigned')]);
      expect((await nextEvent()).type).toBe('LeadAssigned');

      await eventually(async () => {
        const pids = await listenerPids(schema);
        return pids.some((pid) => pid !== first) ? pids : undefined;
      }, 'a new listener');
      await writer.appendToStream('Lead-1', [testEvent('LeadQualified')]);
      expect((await nextEvent()).type).toBe('LeadQualified');
      await subscription.stop();
    } finally {
      await writer.close();
      await reader.close();
    }
  });

  it('falls back to polling when no notification arrives', async () => {
    const schema = throwawaySchema();
    const reader = createPostgresEventStore({ connectionString, schema, pollMilliseconds: 100 });
    const pool = new pg.Pool({ connectionString, max: 1 });
    try {
      await reader.headPosition();
      const subscription = reader.subscribeToAll();
      const iterator = subscription[Symbol.asyncIterator]();
      expect((await iterator.next()).value).toMatchObject({ kind: 'caughtUp' });
      // Written through the stored function directly: no NOTIFY is ever sent.
      const event = testEvent('Silent');
      await pool.query(
        `select * from "${schema}".append_events('Quiet-1', 'any', null, $1, '1 day')`,
        [JSON.stringify([event])],
      );
      expect((await iterator.next()).value).toMatchObject({
        kind: 'event',
        event: { eventId: event.eventId },
      });
      await subscription.stop();
    } finally {
      await pool.end();
      await reader.close();
    }
  });
});
