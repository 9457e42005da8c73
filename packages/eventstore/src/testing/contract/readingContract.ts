import { describe, expect, it } from 'vitest';
import { END, START } from '../../envelope/position.js';
import type { EventStore } from '../../eventStore/eventStore.js';
import type { OpenEventStore } from './fixtures.js';
import { collect, testEvent, uniqueStream, withStore } from './fixtures.js';

/** Appends Lead-x: L0..L4 and Customer-y: C0..C2 interleaved; returns the stream names. */
const seed = async (store: EventStore) => {
  const lead = uniqueStream('Lead');
  const customer = uniqueStream('Customer');
  for (let i = 0; i < 5; i += 1) {
    await store.appendToStream(lead, [
      testEvent(i % 2 === 0 ? 'LeadTouched' : 'LeadScored', { n: `L${i}` }),
    ]);
    if (i < 3) await store.appendToStream(customer, [testEvent('CustomerTouched', { n: `C${i}` })]);
  }
  return { lead, customer };
};

const names = (events: readonly { data: unknown }[]) =>
  events.map((e) => (e.data as { n: string }).n);

/** Stream and log reads: direction, start, count, filters. */
export const registerReadingContract = (open: OpenEventStore): void => {
  describe('reading', () => {
    it('reads a stream forwards, backwards, from a revision and up to a count', () =>
      withStore(open, async (store) => {
        const { lead } = await seed(store);
        expect(names(await collect(store.readStream(lead)))).toEqual([
          'L0',
          'L1',
          'L2',
          'L3',
          'L4',
        ]);
        expect(names(await collect(store.readStream(lead, { direction: 'backwards' })))).toEqual([
          'L4',
          'L3',
          'L2',
          'L1',
          'L0',
        ]);
        expect(names(await collect(store.readStream(lead, { fromRevision: 2n })))).toEqual([
          'L2',
          'L3',
          'L4',
        ]);
        expect(
          names(
            await collect(store.readStream(lead, { fromRevision: 2n, direction: 'backwards' })),
          ),
        ).toEqual(['L2', 'L1', 'L0']);
        expect(names(await collect(store.readStream(lead, { maxCount: 2 })))).toEqual(['L0', 'L1']);
        expect(
          names(await collect(store.readStream(lead, { direction: 'backwards', maxCount: 1 }))),
        ).toEqual(['L4']);
        expect(
          names(
            await collect(store.readStream(lead, { fromRevision: START, direction: 'backwards' })),
          ),
        ).toEqual(['L0']);
        expect(await collect(store.readStream(lead, { fromRevision: END }))).toEqual([]);
        expect(await collect(store.readStream(lead, { fromRevision: 9n }))).toEqual([]);
      }));

    it('reads a stream that does not exist as empty', () =>
      withStore(open, async (store) => {
        expect(await collect(store.readStream(uniqueStream()))).toEqual([]);
        expect(await collect(store.readStream(uniqueStream(), { direction: 'backwards' }))).toEqual(
          [],
        );
      }));

    it('reads the whole log forwards and backwards in position order', () =>
      withStore(open, async (store) => {
        await seed(store);
        const forwards = names(await collect(store.readAll()));
        expect(forwards).toEqual(['L0', 'C0', 'L1', 'C1', 'L2', 'C2', 'L3', 'L4']);
        expect(names(await collect(store.readAll({ direction: 'backwards' })))).toEqual(
          [...forwards].reverse(),
        );
        expect(names(await collect(store.readAll({ maxCount: 3 })))).toEqual(['L0', 'C0', 'L1']);
      }));

    it('reads the log from a position, including the event at it', () =>
      withStore(open, async (store) => {
        await seed(store);
        const all = await collect(store.readAll());
        const third = all[2]!.position;
        expect(names(await collect(store.readAll({ fromPosition: third })))).toEqual([
          'L1',
          'C1',
          'L2',
          'C2',
          'L3',
          'L4',
        ]);
        expect(
          names(await collect(store.readAll({ fromPosition: third, direction: 'backwards' }))),
        ).toEqual(['L1', 'C0', 'L0']);
        expect(await collect(store.readAll({ fromPosition: END }))).toEqual([]);
      }));

    it('filters the log by event type and by stream-name prefix', () =>
      withStore(open, async (store) => {
        const { customer } = await seed(store);
        const scored = await collect(store.readAll({ filter: { eventTypes: ['LeadScored'] } }));
        expect(names(scored)).toEqual(['L1', 'L3']);
        const customers = await collect(
          store.readAll({ filter: { streamNamePrefixes: ['Customer-'] } }),
        );
        expect(names(customers)).toEqual(['C0', 'C1', 'C2']);
        expect(customers.every((e) => e.streamName === customer)).toBe(true);
        const both = await collect(
          store.readAll({
            filter: { streamNamePrefixes: ['Lead-'], eventTypes: ['LeadTouched'] },
            maxCount: 2,
          }),
        );
        expect(names(both)).toEqual(['L0', 'L2']);
        const backwards = await collect(
          store.readAll({ direction: 'backwards', filter: { eventTypes: ['CustomerTouched'] } }),
        );
        expect(names(backwards)).toEqual(['C2', 'C1', 'C0']);
      }));
  });
};
