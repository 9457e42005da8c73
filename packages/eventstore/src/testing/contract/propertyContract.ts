import * as E from 'fp-ts/lib/Either.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { comparePositions } from '../../envelope/position.js';
import type { OpenEventStore } from './fixtures.js';
import { collect, testEvent, uniqueStream, withStore } from './fixtures.js';

const appendPlan = fc.array(
  fc.record({
    stream: fc.integer({ min: 0, max: 3 }),
    payloads: fc.array(fc.jsonValue({ maxDepth: 2 }), { minLength: 1, maxLength: 4 }),
  }),
  { minLength: 1, maxLength: 25 },
);

/** Random append sequences: what was appended is what is read, in order. */
export const registerPropertyContract = (open: OpenEventStore): void => {
  describe('properties', () => {
    it('reads back exactly what random append sequences wrote, per stream and in the log', () =>
      fc.assert(
        fc.asyncProperty(appendPlan, (plan) =>
          withStore(open, async (store) => {
            const names = [uniqueStream(), uniqueStream(), uniqueStream(), uniqueStream()];
            const expected: { stream: string; data: string; eventId: string }[] = [];
            for (const step of plan) {
              const stream = names[step.stream]!;
              const events = step.payloads.map((payload) => testEvent('Generated', { payload }));
              const result = await store.appendToStream(stream, events);
              expect(E.isRight(result)).toBe(true);
              for (const event of events) {
                expected.push({ stream, data: JSON.stringify(event.data), eventId: event.eventId });
              }
            }
            const log = await collect(store.readAll());
            expect(
              log.map((e) => ({
                stream: e.streamName,
                data: JSON.stringify(e.data),
                eventId: e.eventId,
              })),
            ).toEqual(expected);
            for (let i = 1; i < log.length; i += 1) {
              expect(comparePositions(log[i - 1]!.position, log[i]!.position)).toBeLessThan(0);
            }
            for (const stream of names) {
              const read = await collect(store.readStream(stream));
              expect(read.map((e) => e.eventId)).toEqual(
                expected.filter((e) => e.stream === stream).map((e) => e.eventId),
              );
              expect(read.map((e) => e.streamRevision)).toEqual(read.map((_, i) => BigInt(i)));
            }
          }),
        ),
        { numRuns: 25 },
      ));
  });
};
