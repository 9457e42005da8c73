import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addMoney, money, subtractMoney, zeroMoney } from './money.js';

const currency = fc.constantFrom('EUR', 'CNY', 'USD');
const minor = fc.integer({ min: -1_000_000_000_000, max: 1_000_000_000_000 });

describe('money', () => {
  it('adds exactly, in any order, with zero as identity, and subtraction undoes addition', () => {
    fc.assert(
      fc.property(currency, minor, minor, (c, a, b) => {
        const [x, y] = [money(a, c), money(b, c)];
        expect(addMoney(x, y)).toEqual(addMoney(y, x));
        expect(addMoney(x, zeroMoney(c))).toEqual(x);
        expect(subtractMoney(addMoney(x, y), y)).toEqual(x);
      }),
    );
  });

  it('refuses to add two currencies, fractional minor units and unsafe amounts', () => {
    fc.assert(
      fc.property(minor, minor, (a, b) => {
        expect(() => addMoney(money(a, 'EUR'), money(b, 'USD'))).toThrow(RangeError);
      }),
    );
    expect(() => money(0.5, 'EUR')).toThrow(RangeError);
    expect(() => money(Number.MAX_SAFE_INTEGER + 1, 'EUR')).toThrow(RangeError);
    expect(() => money(1, 'eur')).toThrow(RangeError);
  });
});
