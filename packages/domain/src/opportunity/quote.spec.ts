import * as E from 'fp-ts/lib/Either.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { QuoteLine } from './quote.js';
import { priceQuote } from './quote.js';

const line = fc.record({
  product: fc.constantFrom('Seat', 'Setup', 'Support'),
  quantity: fc.integer({ min: 1, max: 10_000 }),
  unitPrice: fc.record({
    amountMinor: fc.integer({ min: 0, max: 10_000_000 }),
    currency: fc.constant('CNY'),
  }),
  discountBps: fc.integer({ min: 0, max: 10_000 }),
}) as fc.Arbitrary<QuoteLine>;

describe('quote pricing', () => {
  it('makes every total the exact sum of line nets, and each net gross minus discount', () => {
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 20 }), (lines) => {
        const priced = priceQuote(lines);
        if (E.isLeft(priced)) return false;
        const total = priced.right.lines.reduce((sum, l) => sum + BigInt(l.net.amountMinor), 0n);
        return (
          BigInt(priced.right.total.amountMinor) === total &&
          priced.right.lines.every(
            (l, i) =>
              l.gross.amountMinor === lines[i]!.quantity * lines[i]!.unitPrice.amountMinor &&
              l.net.amountMinor === l.gross.amountMinor - l.discount.amountMinor &&
              Number.isSafeInteger(l.discount.amountMinor) &&
              // The discount is within half a minor unit of the exact rational value.
              Math.abs(
                l.discount.amountMinor * 10_000 -
                  l.gross.amountMinor * (lines[i]!.discountBps ?? 0),
              ) <= 5_000,
          )
        );
      }),
    );
  });

  it('refuses a total beyond the exact integer range instead of rounding it', () => {
    const huge = {
      product: 'Jet',
      quantity: 1_000_000,
      unitPrice: { amountMinor: 9_007_199_254, currency: 'USD' },
    };
    expect(priceQuote([huge as QuoteLine, huge as QuoteLine])).toEqual(
      E.left({ kind: 'QuoteTooLarge' }),
    );
  });
});
