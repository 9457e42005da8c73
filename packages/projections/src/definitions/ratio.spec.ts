import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ratio } from './ratio.js';

describe('ratio', () => {
  it('keeps numerator and denominator and rounds the value to 4 decimals', () => {
    expect(ratio(1, 3)).toEqual({ numerator: 1, denominator: 3, value: 0.3333 });
    expect(ratio(2, 3).value).toBe(0.6667);
  });

  it('is null, never 0 or infinity, when the denominator is zero', () => {
    expect(ratio(5, 0).value).toBeNull();
    expect(ratio(0, 0).value).toBeNull();
  });

  it('rounds an exact half to the even neighbour', () => {
    // 1/160000 = 0.00000625 is not a half; these are: x.xxxx5 exactly.
    expect(ratio(5, 100_000).value).toBe(0); // 0.00005 → 0.0000
    expect(ratio(15, 100_000).value).toBe(0.0002); // 0.00015 → 0.0002
    expect(ratio(25, 100_000).value).toBe(0.0002); // 0.00025 → 0.0002
    expect(ratio(35, 100_000).value).toBe(0.0004);
    expect(ratio(1, 32).value).toBe(0.0312); // 0.03125 → 0.0312
    expect(ratio(3, 32).value).toBe(0.0938); // 0.09375 → 0.0938
  });

  it('rounds negative halves to even as well (ROI may be negative)', () => {
    expect(ratio(-25, 100_000).value).toBe(-0.0002);
    expect(ratio(-35, 100_000).value).toBe(-0.0004);
    expect(ratio(25, -100_000).value).toBe(-0.0002);
    expect(ratio(-1, 3).value).toBe(-0.3333);
  });

  it('is exact past the range where a float division would round wrongly', () => {
    // 0.12345 cannot be represented in binary: a float path may round it either way.
    expect(ratio(12_345, 100_000).value).toBe(0.1234);
    expect(ratio(9_007_199_254_740_991, 9_007_199_254_740_991).value).toBe(1);
  });

  it('never differs from the exact quotient by more than half a unit in the 4th decimal', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 1, max: 1e9 }), (n, d) => {
        const value = ratio(n, d).value as number;
        expect(Math.abs(value - n / d)).toBeLessThanOrEqual(0.00005 + 1e-12);
      }),
    );
  });

  it('rejects fractional parts, which would make the rounding inexact', () => {
    expect(() => ratio(0.5, 2)).toThrow(RangeError);
  });
});
