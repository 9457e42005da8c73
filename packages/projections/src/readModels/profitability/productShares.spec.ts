import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitByWeights } from './productShares.js';

describe('splitting collections by product', () => {
  it('splits any amount into whole parts that add up to it, each within one unit of its exact share', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -10_000_000, max: 10_000_000 }),
        fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 8 }),
        (amount, weights) => {
          const parts = splitByWeights(amount, weights);
          const total = weights.reduce((sum, weight) => sum + weight, 0);
          expect(parts.reduce((sum, part) => sum + part, 0)).toBe(amount);
          if (total === 0) return;
          parts.forEach((part, index) => {
            expect(Math.abs(part * total - amount * (weights[index] ?? 0))).toBeLessThan(total);
          });
        },
      ),
    );
  });
});
