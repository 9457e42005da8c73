import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { NO_STREAM } from '../../envelope/revision.js';
import type { OpenEventStore } from './fixtures.js';
import { collect, testEvent, uniqueStream, withStore } from './fixtures.js';

/** Racing writers with the same expectation: exactly one wins, the rest see a conflict. */
export const registerConcurrencyContract = (open: OpenEventStore): void => {
  describe('concurrent appends', () => {
    it('lets exactly one of ten writers with the same expected revision win', () =>
      withStore(open, async (store) => {
        const stream = uniqueStream();
        await store.appendToStream(stream, [testEvent('Opened')]);
        const results = await Promise.all(
          Array.from({ length: 10 }, (_, writer) =>
            store.appendToStream(stream, [testEvent('Written', { writer })], {
              expectedRevision: 0n,
            }),
          ),
        );
        expect(results.filter(E.isRight)).toHaveLength(1);
        const conflicts = results.filter(E.isLeft).map((r) => r.left);
        expect(conflicts).toHaveLength(9);
        for (const conflict of conflicts)
          expect(conflict).toMatchObject({ streamName: stream, expected: 0n, actual: 1n });
        expect(await collect(store.readStream(stream))).toHaveLength(2);
      }));

    it('lets exactly one of ten writers create a new stream', () =>
      withStore(open, async (store) => {
        const stream = uniqueStream();
        const results = await Promise.all(
          Array.from({ length: 10 }, () =>
            store.appendToStream(stream, [testEvent('Opened')], { expectedRevision: NO_STREAM }),
          ),
        );
        expect(results.filter(E.isRight)).toHaveLength(1);
        expect(results.filter(E.isLeft).every((r) => E.isLeft(r) && r.left.actual === 0n)).toBe(
          true,
        );
      }));

    it('keeps every event when many writers append to different streams at once', () =>
      withStore(open, async (store) => {
        const streams = Array.from({ length: 8 }, () => uniqueStream());
        await Promise.all(
          streams.map(async (stream) => {
            for (let n = 0; n < 10; n += 1) {
              const result = await store.appendToStream(stream, [testEvent('Ticked', { n })], {
                expectedRevision: n === 0 ? NO_STREAM : BigInt(n - 1),
              });
              expect(E.isRight(result)).toBe(true);
            }
          }),
        );
        const all = await collect(store.readAll());
        expect(all).toHaveLength(80);
        for (const stream of streams) {
          expect(all.filter((e) => e.streamName === stream).map((e) => e.streamRevision)).toEqual(
            Array.from({ length: 10 }, (_, n) => BigInt(n)),
          );
        }
      }));
  });
};
