import fc from 'fast-check';
import { isRight } from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { monthOf, monthsOf, periodsOverlap, SalesPeriod } from './period.js';

const year = fc.integer({ min: 2000, max: 2099 }).map(String);
const month = fc.integer({ min: 1, max: 12 });
const twoDigits = (n: number) => String(n).padStart(2, '0');
const period = fc.oneof(
  year,
  fc.tuple(year, fc.integer({ min: 1, max: 4 })).map(([y, q]) => `${y}-Q${String(q)}`),
  fc.tuple(year, month).map(([y, m]) => `${y}-${twoDigits(m)}`),
);

describe('sales periods', () => {
  it('are years, quarters and months, each a valid SalesPeriod', () => {
    fc.assert(
      fc.property(period, (p) => {
        expect(isRight(SalesPeriod.decode(p))).toBe(true);
      }),
    );
  });

  it('are made of 12, 3 or 1 distinct months, all of their own year', () => {
    fc.assert(
      fc.property(period, (p) => {
        const months = monthsOf(p);
        expect(months.length).toBe(p.length === 4 ? 12 : p.includes('Q') ? 3 : 1);
        expect(new Set(months).size).toBe(months.length);
        for (const m of months) expect(m.slice(0, 4)).toBe(p.slice(0, 4));
      }),
    );
  });

  it('place a day in the month it belongs to, and overlap exactly when they share a month', () => {
    fc.assert(
      fc.property(year, month, fc.integer({ min: 1, max: 28 }), (y, m, d) => {
        expect(monthOf(`${y}-${twoDigits(m)}-${twoDigits(d)}`)).toBe(`${y}-${twoDigits(m)}`);
      }),
    );
    fc.assert(
      fc.property(period, period, (a, b) => {
        const shared = monthsOf(a).some((m) => monthsOf(b).includes(m));
        expect(periodsOverlap(a, b)).toBe(shared);
        expect(periodsOverlap(b, a)).toBe(shared);
      }),
    );
  });
});
