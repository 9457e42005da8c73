import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { comparePositions, parsePosition, positionToString } from '../../envelope/position.js';
import { NO_STREAM } from '../../envelope/revision.js';
import { stringifyJson } from '../../envelope/json.js';
import type { OpenEventStore } from './fixtures.js';
import { collect, testEvent, uniqueStream, withStore } from './fixtures.js';

/** Caller-supplied fields round-trip byte for byte; engine-assigned ones are consistent. */
export const registerEnvelopeContract = (open: OpenEventStore): void => {
  describe('envelope', () => {
    it('returns every caller-supplied field byte for byte', () =>
      withStore(open, async (store) => {
        const stream = uniqueStream();
        const data = {
          text: 'Zoë 张伟 — "quoted" \\ back\nslash',
          amountMinor: 123450,
          negative: -0.5,
          nested: { list: [1, 'two', null, true, { deep: [] }], empty: {} },
          bigAsString: '9007199254740993',
        };
        const event = testEvent('CustomerRegistered', data, {
          tenantId: 'tenant-a',
          causationId: 'cause-1',
          subjects: [{ subjectId: 'person-1', keyId: 'key-1' }],
          chain: 'ab'.repeat(32),
        });
        expect(E.isRight(await store.appendToStream(stream, [event]))).toBe(true);
        const [read] = await collect(store.readStream(stream));
        expect(read?.type).toBe(event.type);
        expect(read?.eventId).toBe(event.eventId);
        expect(stringifyJson(read?.data)).toBe(stringifyJson(event.data));
        expect(stringifyJson(read?.metadata)).toBe(stringifyJson(event.metadata));
      }));

    it('writes bigints inside data as decimal strings', () =>
      withStore(open, async (store) => {
        const stream = uniqueStream();
        await store.appendToStream(stream, [testEvent('Counted', { big: 2n ** 70n })]);
        const [read] = await collect(store.readStream(stream));
        expect(read?.data).toEqual({ big: '1180591620717411303424' });
      }));

    it('assigns contiguous revisions from 0 and strictly increasing positions', () =>
      withStore(open, async (store) => {
        const streams = [uniqueStream(), uniqueStream()];
        for (let round = 0; round < 3; round += 1) {
          for (const stream of streams) {
            await store.appendToStream(stream, [
              testEvent('Ticked', { round }),
              testEvent('Tocked', { round }),
            ]);
          }
        }
        for (const stream of streams) {
          const events = await collect(store.readStream(stream));
          expect(events.map((e) => e.streamRevision)).toEqual([0n, 1n, 2n, 3n, 4n, 5n]);
          expect(events.every((e) => e.streamName === stream)).toBe(true);
        }
        const all = await collect(store.readAll());
        expect(all).toHaveLength(12);
        for (let i = 1; i < all.length; i += 1) {
          expect(comparePositions(all[i - 1]!.position, all[i]!.position)).toBeLessThan(0);
        }
      }));

    it('gives positions a stable string form that parses back to the same position', () =>
      withStore(open, async (store) => {
        await store.appendToStream(uniqueStream(), [testEvent('Ticked')]);
        const [event] = await collect(store.readAll());
        const text = positionToString(event!.position);
        const parsed = parsePosition(text);
        expect(E.isRight(parsed) && comparePositions(parsed.right, event!.position)).toBe(0);
      }));

    it('stamps recordedAt as an ISO-8601 UTC instant', () =>
      withStore(open, async (store) => {
        await store.appendToStream(uniqueStream(), [testEvent('Ticked')]);
        const [event] = await collect(store.readAll());
        expect(event?.recordedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);
      }));

    it('reports the stream revision and the head position', () =>
      withStore(open, async (store) => {
        const stream = uniqueStream();
        expect(await store.streamRevision(stream)).toBe(NO_STREAM);
        expect(await store.headPosition()).toBeUndefined();
        const appended = await store.appendToStream(stream, [testEvent('A'), testEvent('B')]);
        expect(await store.streamRevision(stream)).toBe(1n);
        const head = await store.headPosition();
        expect(E.isRight(appended) && head && comparePositions(head, appended.right.position)).toBe(
          0,
        );
      }));

    it('refuses malformed input before writing anything', () =>
      withStore(open, async (store) => {
        const stream = uniqueStream();
        await expect(store.appendToStream(stream, [])).rejects.toThrow(/empty/);
        await expect(
          store.appendToStream(stream, [{ ...testEvent('A'), eventId: 'not-a-uuid' }]),
        ).rejects.toThrow(/not a uuid/);
        const bad = {
          ...testEvent('A'),
          metadata: { ...testEvent('A').metadata, occurredAt: 'yesterday' },
        };
        await expect(store.appendToStream(stream, [bad])).rejects.toThrow(/occurredAt/);
        expect(await store.streamRevision(stream)).toBe(NO_STREAM);
      }));
  });
};
