import { describe, expect, it } from 'vitest';
import { NO_MONEY, addAmount, addTotals, subtractTotals } from './moneyByCurrency.js';

describe('money per currency', () => {
  it('keeps each currency apart and never sums across them', () => {
    const totals = addAmount(addAmount(NO_MONEY, { amountMinor: 100, currency: 'EUR' }), {
      amountMinor: 250,
      currency: 'USD',
    });
    expect(addAmount(totals, { amountMinor: 5, currency: 'EUR' })).toEqual({ EUR: 105, USD: 250 });
  });

  it('adds and subtracts totals currency by currency', () => {
    expect(addTotals({ EUR: 1 }, { EUR: 2, CNY: 3 })).toEqual({ EUR: 3, CNY: 3 });
    expect(subtractTotals({ EUR: 10 }, { EUR: 4, CNY: 3 })).toEqual({ EUR: 6, CNY: -3 });
  });

  it('refuses a total that would no longer be an exact integer', () => {
    expect(() =>
      addAmount({ EUR: Number.MAX_SAFE_INTEGER }, { amountMinor: 1, currency: 'EUR' }),
    ).toThrow(RangeError);
  });
});
