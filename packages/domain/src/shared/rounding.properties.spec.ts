import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { divideHalfEven } from './rounding.js';

const big = fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n });
const nonZero = big.filter((d) => d !== 0n);

describe('half-even division', () => {
  it('lands within half a unit of the exact quotient', () => {
    fc.assert(
      fc.property(big, nonZero, (n, d) => {
        const q = divideHalfEven(n, d);
        // |n/d − q| ≤ ½  ⇔  |n − q·d| · 2 ≤ |d|
        const error = n - q * d;
        expect((error < 0n ? -error : error) * 2n <= (d < 0n ? -d : d)).toBe(true);
      }),
    );
  });

  it('is odd in either operand: the sign of a result never changes its size', () => {
    fc.assert(
      fc.property(big, nonZero, (n, d) => {
        const q = divideHalfEven(n, d);
        expect(divideHalfEven(-n, d)).toBe(-q);
        expect(divideHalfEven(n, -d)).toBe(-q);
      }),
    );
  });

  it('rounds an exact half to the even neighbour', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }), (k) => {
        // (2k + 1) / 2 lies exactly between k and k + 1; the even one of them wins.
        const result = divideHalfEven(2n * k + 1n, 2n);
        expect(result % 2n).toBe(0n);
        expect(result === k || result === k + 1n).toBe(true);
      }),
    );
  });

  it('is exact when the division is', () => {
    fc.assert(
      fc.property(big, nonZero, (q, d) => {
        expect(divideHalfEven(q * d, d)).toBe(q);
      }),
    );
  });

  it('refuses a zero denominator with a RangeError', () => {
    fc.assert(
      fc.property(big, (n) => {
        expect(() => divideHalfEven(n, 0n)).toThrow(RangeError);
      }),
    );
  });
});
