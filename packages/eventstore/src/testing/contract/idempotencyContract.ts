import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { NO_STREAM } from '../../envelope/revision.js';
import type { OpenEventStore } from './fixtures.js';
import { collect, testEvent, uniqueStream, withStore } from './fixtures.js';

/** The dedupe record written with the append makes a retried command a no-op. */
export const registerIdempotencyContract = (open: OpenEventStore): void => {
  describe('idempotency by command id', () => {
    it('appends nothing for a command id seen before and returns the first result', () =>
      withStore(open, async (store) => {
        const stream = uniqueStream();
        const commandId = uuidv7();
        const first = await store.appendToStream(stream, [testEvent('A'), testEvent('B')], {
          expectedRevision: NO_STREAM,
          commandId,
        });
        const retry = await store.appendToStream(stream, [testEvent('A'), testEvent('B')], {
          expectedRevision: NO_STREAM,
          commandId,
        });
        expect(E.isRight(first) && E.isRight(retry)).toBe(true);
        if (E.isRight(first) && E.isRight(retry)) {
          expect(retry.right).toEqual({ ...first.right, duplicate: true });
          expect(await store.findCommandResult(commandId)).toEqual(first.right);
        }
        expect(await collect(store.readAll())).toHaveLength(2);
      }));

    it('treats a command id as used across streams', () =>
      withStore(open, async (store) => {
        const commandId = uuidv7();
        const first = uniqueStream();
        await store.appendToStream(first, [testEvent('A')], { commandId });
        const other = await store.appendToStream(uniqueStream(), [testEvent('A')], { commandId });
        expect(E.isRight(other) && other.right).toMatchObject({
          streamName: first,
          duplicate: true,
        });
        expect(await collect(store.readAll())).toHaveLength(1);
      }));

    it('records nothing for a rejected append, so the command can be retried', () =>
      withStore(open, async (store) => {
        const stream = uniqueStream();
        await store.appendToStream(stream, [testEvent('A')]);
        const commandId = uuidv7();
        const rejected = await store.appendToStream(stream, [testEvent('B')], {
          expectedRevision: NO_STREAM,
          commandId,
        });
        expect(E.isLeft(rejected)).toBe(true);
        expect(await store.findCommandResult(commandId)).toBeUndefined();
        const retried = await store.appendToStream(stream, [testEvent('B')], {
          expectedRevision: 0n,
          commandId,
        });
        expect(E.isRight(retried) && retried.right.duplicate).toBe(false);
      }));

    it('lets only one of two concurrent appends with the same command id write', () =>
      withStore(open, async (store) => {
        const commandId = uuidv7();
        const results = await Promise.all(
          [uniqueStream(), uniqueStream()].map((stream) =>
            store.appendToStream(stream, [testEvent('A')], { commandId }),
          ),
        );
        expect(results.every(E.isRight)).toBe(true);
        expect(results.filter((r) => E.isRight(r) && !r.right.duplicate)).toHaveLength(1);
        expect(await collect(store.readAll())).toHaveLength(1);
      }));
  });
};
