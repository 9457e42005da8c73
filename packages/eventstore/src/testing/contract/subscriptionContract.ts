import { describe, expect, it } from 'vitest';
import type { RecordedEvent } from '../../envelope/envelope.js';
import type { Position } from '../../envelope/position.js';
import { END, START } from '../../envelope/position.js';
import type { Subscription } from '../../eventStore/eventStore.js';
import type { OpenEventStore } from './fixtures.js';
import { collect, testEvent, uniqueStream, withStore } from './fixtures.js';

/** Reads a subscription in the background, recording events and whether it caught up. */
const follow = (subscription: Subscription) => {
  const events: RecordedEvent[] = [];
  const caughtUpAt: number[] = [];
  const done = (async () => {
    for await (const message of subscription) {
      if (message.kind === 'event') events.push(message.event);
      else caughtUpAt.push(events.length);
    }
  })();
  return { events, caughtUpAt, done };
};

/** Waits until `condition` holds, polling; fails after `timeoutMs`. */
const eventually = async (
  condition: () => boolean,
  what: string,
  timeoutMs = 10_000,
): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
};

const numbers = (events: readonly RecordedEvent[]) =>
  events.map((e) => (e.data as { n: number }).n);

/** Catch-up then live, with no gap and no duplicate at the hand-over. */
export const registerSubscriptionContract = (open: OpenEventStore): void => {
  describe('subscriptions', () => {
    it('delivers the existing log, marks caught-up, then delivers live events', () =>
      withStore(open, async (store) => {
        const stream = uniqueStream();
        for (let n = 0; n < 3; n += 1)
          await store.appendToStream(stream, [testEvent('Ticked', { n })]);
        const subscription = store.subscribeToAll({ fromPosition: START });
        const seen = follow(subscription);
        await eventually(() => seen.caughtUpAt.length === 1, 'caught up');
        expect(seen.caughtUpAt).toEqual([3]);
        for (let n = 3; n < 6; n += 1)
          await store.appendToStream(stream, [testEvent('Ticked', { n })]);
        await eventually(() => seen.events.length === 6, 'live events');
        await subscription.stop();
        await seen.done;
        expect(numbers(seen.events)).toEqual([0, 1, 2, 3, 4, 5]);
      }));

    it('has no gap and no duplicate when appends race the hand-over to live', () =>
      withStore(open, async (store) => {
        const streams = [uniqueStream(), uniqueStream(), uniqueStream()];
        const total = 300;
        const writing = (async () => {
          for (let n = 0; n < total; n += 1) {
            await store.appendToStream(streams[n % 3]!, [testEvent('Ticked', { n })]);
          }
        })();
        const subscription = store.subscribeToAll({ fromPosition: START });
        const seen = follow(subscription);
        await writing;
        await eventually(() => seen.events.length >= total, `${total} events`, 30_000);
        await subscription.stop();
        await seen.done;
        expect(numbers(seen.events)).toEqual(Array.from({ length: total }, (_, n) => n));
      }));

    it('starts after a given position, and from the end delivers only new events', () =>
      withStore(open, async (store) => {
        const stream = uniqueStream();
        for (let n = 0; n < 4; n += 1)
          await store.appendToStream(stream, [testEvent('Ticked', { n })]);
        const second: Position = (await collect(store.readAll()))[1]!.position;
        const afterSecond = store.subscribeToAll({ fromPosition: second });
        const fromEnd = store.subscribeToAll({ fromPosition: END });
        const a = follow(afterSecond);
        const b = follow(fromEnd);
        await eventually(
          () => a.caughtUpAt.length === 1 && b.caughtUpAt.length === 1,
          'both caught up',
        );
        await store.appendToStream(stream, [testEvent('Ticked', { n: 4 })]);
        await eventually(() => a.events.length === 3 && b.events.length === 1, 'the new event');
        await Promise.all([afterSecond.stop(), fromEnd.stop()]);
        await Promise.all([a.done, b.done]);
        expect(numbers(a.events)).toEqual([2, 3, 4]);
        expect(numbers(b.events)).toEqual([4]);
      }));

    it('applies the filter to catch-up and live events', () =>
      withStore(open, async (store) => {
        const lead = uniqueStream('Lead');
        const other = uniqueStream('Other');
        await store.appendToStream(lead, [testEvent('LeadTouched', { n: 0 })]);
        await store.appendToStream(other, [testEvent('LeadTouched', { n: 1 })]);
        const subscription = store.subscribeToAll({ filter: { streamNamePrefixes: ['Lead-'] } });
        const seen = follow(subscription);
        await eventually(() => seen.caughtUpAt.length === 1, 'caught up');
        await store.appendToStream(other, [testEvent('LeadTouched', { n: 2 })]);
        await store.appendToStream(lead, [testEvent('LeadTouched', { n: 3 })]);
        await eventually(() => seen.events.length === 2, 'the matching live event');
        await subscription.stop();
        await seen.done;
        expect(numbers(seen.events)).toEqual([0, 3]);
      }));

    it('ends the iteration when stopped, also while waiting for events', () =>
      withStore(open, async (store) => {
        const subscription = store.subscribeToAll();
        const seen = follow(subscription);
        await eventually(() => seen.caughtUpAt.length === 1, 'caught up on an empty log');
        await subscription.stop();
        await seen.done;
        expect(seen.events).toEqual([]);
      }));
  });
};
