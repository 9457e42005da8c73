import fc from 'fast-check';
import type { IsoInstant } from '@clientele/eventstore';
import { describe, expect, it } from 'vitest';
import { utcOffsetMinutes } from '../sla/zonedTime.js';
import type { Recurrence } from './values.js';
import { nextOccurrence } from './recurrence.js';

const wallClockMinutes = (instant: string, timeZone: string): number => {
  const millis = Date.parse(instant);
  const wall = millis + utcOffsetMinutes(millis, timeZone) * 60_000;
  return Math.floor(wall / 60_000) % (24 * 60);
};

// Start dates over 2026, whose DST changes are 29 March / 25 October (Rome) and 8 March /
// 1 November (New York); times of day away from the 02:00–03:00 gaps, which have no wall clock.
const start = fc
  .record({
    day: fc.integer({ min: 0, max: 364 }),
    minute: fc.integer({ min: 4 * 60, max: 23 * 60 }),
    zone: fc.constantFrom('Europe/Rome', 'America/New_York'),
  })
  .map(({ day, minute, zone }) => {
    const utcGuess = Date.UTC(2026, 0, 1) + day * 86_400_000 + minute * 60_000;
    const instant = utcGuess - utcOffsetMinutes(utcGuess, zone) * 60_000;
    return { instant: new Date(instant).toISOString() as IsoInstant, zone };
  });

describe('task recurrence', () => {
  it('keeps every occurrence at the first one’s wall-clock time, across DST changes', () => {
    fc.assert(
      fc.property(
        start,
        fc.constantFrom<Recurrence['frequency']>('daily', 'weekly'),
        fc.integer({ min: 1, max: 3 }),
        ({ instant, zone }, frequency, interval) => {
          const rule = { frequency, interval } as Recurrence;
          let current = instant;
          for (let step = 0; step < 30; step += 1) {
            const next = nextOccurrence(rule, instant, current, zone);
            if (next === undefined) throw new Error('an endless rule ended');
            expect(Date.parse(next)).toBeGreaterThan(Date.parse(current));
            expect(wallClockMinutes(next, zone)).toBe(wallClockMinutes(instant, zone));
            current = next;
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('ends after `count` occurrences, counted from the first', () => {
    fc.assert(
      fc.property(start, fc.integer({ min: 1, max: 12 }), ({ instant, zone }, count) => {
        const rule = { frequency: 'daily', count } as Recurrence;
        let current: IsoInstant | undefined = instant;
        let occurrences = 0;
        while (current !== undefined) {
          occurrences += 1;
          current = nextOccurrence(rule, instant, current, zone);
        }
        expect(occurrences).toBe(count);
      }),
      { numRuns: 40 },
    );
  });

  it('stops before `until`', () => {
    const first = '2026-01-05T09:00:00.000Z' as IsoInstant;
    const rule = { frequency: 'weekly', until: '2026-01-20T00:00:00.000Z' } as Recurrence;
    const second = nextOccurrence(rule, first, first, 'UTC');
    expect(second).toBe('2026-01-12T09:00:00.000Z');
    expect(nextOccurrence(rule, first, second ?? first, 'UTC')).toBe('2026-01-19T09:00:00.000Z');
    expect(nextOccurrence(rule, first, '2026-01-19T09:00:00.000Z' as IsoInstant, 'UTC')).toBe(
      undefined,
    );
  });
});
