import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import type { EventStore } from '@clientele/eventstore';
import { NO_STREAM, comparePositions } from '@clientele/eventstore';
import { collect, testEvent } from '@clientele/eventstore/testing';
import { createPostgresEventStore } from '@clientele/eventstore-postgres';
import { connectionString, usePostgres } from '../../../test/support/postgres.js';

const { available, throwawaySchema } = await usePostgres({ maxConnections: 2 });

const CONNECTIONS = 8;

/** Eight stores on one schema, each with its own single connection: eight app servers. */
const withEightConnections = async (body: (stores: EventStore[]) => Promise<void>) => {
  const schema = throwawaySchema();
  const stores = Array.from({ length: CONNECTIONS }, () =>
    createPostgresEventStore({ connectionString, schema, maxConnections: 2 }),
  );
  try {
    for (const store of stores) await store.headPosition();
    await body(stores);
  } finally {
    await Promise.all(stores.map((store) => store.close()));
  }
};

describe.runIf(available)('PostgreSQL engine with 8 connections', () => {
  it('loses no update when 8 connections increment one stream with expected revisions', () =>
    withEightConnections(async (stores) => {
      const stream = 'Counter-1';
      const increments = 15;
      let conflicts = 0;
      await Promise.all(
        stores.map(async (store, writer) => {
          for (let n = 0; n < increments;) {
            const current = await store.streamRevision(stream);
            const result = await store.appendToStream(
              stream,
              [testEvent('Incremented', { writer, n })],
              {
                expectedRevision: current,
              },
            );
            if (E.isRight(result)) n += 1;
            else conflicts += 1;
          }
        }),
      );
      const events = await collect(stores[0]!.readStream(stream));
      expect(events.map((event) => event.streamRevision)).toEqual(
        Array.from({ length: CONNECTIONS * increments }, (_, i) => BigInt(i)),
      );
      for (let writer = 0; writer < CONNECTIONS; writer += 1) {
        const mine = events.filter((event) => (event.data as { writer: number }).writer === writer);
        expect(mine.map((event) => (event.data as { n: number }).n)).toEqual(
          Array.from({ length: increments }, (_, n) => n),
        );
      }
      expect(conflicts).toBeGreaterThan(0);
    }));

  it('keeps the global log complete and ordered when 8 connections append to different streams', () =>
    withEightConnections(async (stores) => {
      const perStream = 40;
      await Promise.all(
        stores.map(async (store, writer) => {
          for (let n = 0; n < perStream; n += 1) {
            const result = await store.appendToStream(
              `Ledger-${writer}`,
              [testEvent('Posted', { n })],
              {
                expectedRevision: n === 0 ? NO_STREAM : BigInt(n - 1),
              },
            );
            expect(E.isRight(result)).toBe(true);
          }
        }),
      );
      const log = await collect(stores[3]!.readAll());
      expect(log).toHaveLength(CONNECTIONS * perStream);
      for (let i = 1; i < log.length; i += 1) {
        expect(comparePositions(log[i - 1]!.position, log[i]!.position)).toBeLessThan(0);
      }
      for (let writer = 0; writer < CONNECTIONS; writer += 1) {
        const stream = log.filter((event) => event.streamName === `Ledger-${writer}`);
        expect(stream.map((event) => event.streamRevision)).toEqual(
          Array.from({ length: perStream }, (_, n) => BigInt(n)),
        );
      }
    }));
});
