import fc from 'fast-check';
import { isRight } from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { applyBps, BasisPoints, FractionBps } from './basisPoints.js';

const amount = fc.integer({ min: -1_000_000_000_000, max: 1_000_000_000_000 });

describe('basis points', () => {
  it('accept whole numbers from 0, and a fraction of a whole only up to 10,000', () => {
    fc.assert(
      fc.property(fc.integer({ min: -20_000, max: 20_000 }), (n) => {
        expect(isRight(BasisPoints.decode(n))).toBe(n >= 0);
        expect(isRight(FractionBps.decode(n))).toBe(n >= 0 && n <= 10_000);
      }),
    );
    fc.assert(
      fc.property(fc.double({ noInteger: true }), (n) => {
        expect(isRight(BasisPoints.decode(n))).toBe(false);
      }),
    );
  });

  it('apply 0 bp as nothing and 10,000 bp as the whole amount', () => {
    fc.assert(
      fc.property(amount, (minor) => {
        expect(applyBps(minor, 0)).toBe(0);
        expect(applyBps(minor, 10_000)).toBe(minor);
      }),
    );
  });

  it('apply a rate within half a minor unit of the exact share, the same for a refund', () => {
    fc.assert(
      fc.property(amount, fc.integer({ min: 0, max: 50_000 }), (minor, bps) => {
        const share = applyBps(minor, bps);
        const error = BigInt(share) * 10_000n - BigInt(minor) * BigInt(bps);
        expect((error < 0n ? -error : error) * 2n <= 10_000n).toBe(true);
        expect(applyBps(0 - minor, bps)).toBe(0 - share);
      }),
    );
  });
});
