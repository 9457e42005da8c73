import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import type { ExpectedRevision } from '../../envelope/revision.js';
import { ANY, NO_STREAM, STREAM_EXISTS } from '../../envelope/revision.js';
import type { EventStore } from '../../eventStore/eventStore.js';
import type { OpenEventStore } from './fixtures.js';
import { collect, testEvent, uniqueStream, withStore } from './fixtures.js';

const appendOne = (store: EventStore, stream: string, expectedRevision: ExpectedRevision) =>
  store.appendToStream(stream, [testEvent('Ticked')], { expectedRevision });

/** Each expected-revision mode, accepted and rejected, and batch atomicity. */
export const registerExpectedRevisionContract = (open: OpenEventStore): void => {
  describe('expected revision', () => {
    it('accepts NO_STREAM for a new stream and rejects it once the stream exists', () =>
      withStore(open, async (store) => {
        const stream = uniqueStream();
        expect(E.isRight(await appendOne(store, stream, NO_STREAM))).toBe(true);
        const second = await appendOne(store, stream, NO_STREAM);
        expect(second).toEqual(
          E.left(
            expect.objectContaining({
              kind: 'WrongExpectedRevision',
              streamName: stream,
              expected: NO_STREAM,
              actual: 0n,
            }),
          ),
        );
      }));

    it('rejects STREAM_EXISTS on a missing stream, naming "no stream" as the actual state', () =>
      withStore(open, async (store) => {
        const stream = uniqueStream();
        const result = await appendOne(store, stream, STREAM_EXISTS);
        expect(E.isLeft(result)).toBe(true);
        if (E.isLeft(result)) {
          expect(result.left).toMatchObject({
            streamName: stream,
            expected: STREAM_EXISTS,
            actual: NO_STREAM,
          });
          expect(result.left.message).toContain(stream);
          expect(result.left.message).toContain('does not exist');
        }
        await appendOne(store, stream, ANY);
        expect(E.isRight(await appendOne(store, stream, STREAM_EXISTS))).toBe(true);
      }));

    it('accepts an exact revision only when it is the last one', () =>
      withStore(open, async (store) => {
        const stream = uniqueStream();
        await store.appendToStream(stream, [testEvent('A'), testEvent('B')]);
        const stale = await appendOne(store, stream, 0n);
        expect(E.isLeft(stale) && stale.left).toMatchObject({ expected: 0n, actual: 1n });
        expect(E.isLeft(stale) && stale.left.message).toMatch(/expected revision 0.*revision 1/);
        const ahead = await appendOne(store, stream, 5n);
        expect(E.isLeft(ahead) && ahead.left).toMatchObject({ expected: 5n, actual: 1n });
        const exact = await appendOne(store, stream, 1n);
        expect(E.isRight(exact) && exact.right).toMatchObject({
          firstRevision: 2n,
          nextExpectedRevision: 2n,
        });
      }));

    it('rejects an exact revision on a missing stream', () =>
      withStore(open, async (store) => {
        const result = await appendOne(store, uniqueStream(), 0n);
        expect(E.isLeft(result) && result.left.actual).toBe(NO_STREAM);
      }));

    it('appends with ANY whatever the stream holds', () =>
      withStore(open, async (store) => {
        const stream = uniqueStream();
        expect(E.isRight(await appendOne(store, stream, ANY))).toBe(true);
        expect(E.isRight(await appendOne(store, stream, ANY))).toBe(true);
        expect(await store.streamRevision(stream)).toBe(1n);
      }));

    it('writes a batch all or nothing', () =>
      withStore(open, async (store) => {
        const stream = uniqueStream();
        await store.appendToStream(stream, [testEvent('A')]);
        const batch = [testEvent('B'), testEvent('C'), testEvent('D')];
        const rejected = await store.appendToStream(stream, batch, { expectedRevision: NO_STREAM });
        expect(E.isLeft(rejected)).toBe(true);
        const cyclic: Record<string, unknown> = {};
        cyclic['self'] = cyclic;
        await expect(
          store.appendToStream(stream, [testEvent('B'), testEvent('C', cyclic)]),
        ).rejects.toThrow();
        expect((await collect(store.readAll())).map((e) => e.type)).toEqual(['A']);
        const accepted = await store.appendToStream(stream, batch, { expectedRevision: 0n });
        expect(E.isRight(accepted) && accepted.right).toMatchObject({
          firstRevision: 1n,
          nextExpectedRevision: 3n,
          eventIds: batch.map((e) => e.eventId),
          duplicate: false,
        });
        expect((await collect(store.readStream(stream))).map((e) => e.type)).toEqual([
          'A',
          'B',
          'C',
          'D',
        ]);
      }));
  });
};
