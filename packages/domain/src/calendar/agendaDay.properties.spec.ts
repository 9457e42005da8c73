import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { agendaDayAt } from './agendaDay.js';

const HOUR = 3_600_000;
// 2025–2027: several daylight-saving changes in each zone.
const instant = fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2027, 11, 31) });
const zone = fc.constantFrom('Europe/Rome', 'America/New_York');

const localClock = (at: number, timeZone: string) =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(at));

describe('agenda days', () => {
  it('put every instant on the local date its zone shows, between two local midnights', () => {
    fc.assert(
      fc.property(instant, zone, (at, timeZone) => {
        const day = agendaDayAt(at, timeZone);
        expect(localClock(at, timeZone).slice(0, 10)).toBe(day.date);
        expect(day.start).toBeLessThanOrEqual(at);
        expect(at).toBeLessThan(day.end);
        expect(localClock(day.start, timeZone).slice(12)).toBe('00:00');
        expect(localClock(day.end, timeZone).slice(12)).toBe('00:00');
      }),
      { numRuns: 300 },
    );
  });

  it('last 23, 24 or 25 hours and follow one another without gap or overlap', () => {
    fc.assert(
      fc.property(instant, zone, (at, timeZone) => {
        const day = agendaDayAt(at, timeZone);
        expect([23 * HOUR, 24 * HOUR, 25 * HOUR]).toContain(day.end - day.start);
        expect(agendaDayAt(day.end, timeZone).start).toBe(day.end);
        expect(agendaDayAt(day.start - 1, timeZone).end).toBe(day.start);
      }),
      { numRuns: 300 },
    );
  });

  it('are 23 hours on the spring change and 25 on the autumn one', () => {
    const length = (date: string, timeZone: string) => {
      const day = agendaDayAt(Date.parse(`${date}T12:00:00Z`), timeZone);
      return (day.end - day.start) / HOUR;
    };
    expect(length('2026-03-29', 'Europe/Rome')).toBe(23);
    expect(length('2026-10-25', 'Europe/Rome')).toBe(25);
    expect(length('2026-03-08', 'America/New_York')).toBe(23);
    expect(length('2026-11-01', 'America/New_York')).toBe(25);
  });
});
