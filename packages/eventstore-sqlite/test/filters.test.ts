import { describe, expect, it } from 'vitest';
import { collect, testEvent } from '@clientele/eventstore/testing';
import { createSqliteEventStore } from '@clientele/eventstore-sqlite';

describe('log filters on SQLite', () => {
  it('treat % and _ in a stream-name prefix as plain characters, and compare case-sensitively', async () => {
    const store = createSqliteEventStore({ file: ':memory:' });
    for (const stream of ['Deal_1-a', 'DealX1-b', 'Deal%2-c', 'deal_1-d']) {
      await store.appendToStream(stream, [testEvent('Touched')]);
    }
    const streamsFor = async (prefix: string) =>
      (await collect(store.readAll({ filter: { streamNamePrefixes: [prefix] } }))).map(
        (event) => event.streamName,
      );
    expect(await streamsFor('Deal_')).toEqual(['Deal_1-a']);
    expect(await streamsFor('Deal%')).toEqual(['Deal%2-c']);
    expect(await streamsFor('deal')).toEqual(['deal_1-d']);
    await store.close();
  });
});
