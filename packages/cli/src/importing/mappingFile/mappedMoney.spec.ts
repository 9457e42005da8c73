import * as E from 'fp-ts/lib/Either.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readMinorUnits } from './mappedMoney.js';

describe('reading amounts with a mapping file', () => {
  it.each([
    ['$1,234.5', '.', 2, 123_450],
    ['USD 12,500.00', '.', 2, 1_250_000],
    ['€12.500,00', ',', 2, 1_250_000],
    ['1 999,9 €', ',', 2, 199_990],
    ["1'000", '.', 0, 1_000],
    ['0.5', '.', 3, 500],
  ] as const)(
    'reads %s (decimal %s, %i minor units) as %i',
    (cell, decimalSeparator, minorUnits, expected) => {
      expect(readMinorUnits(cell, { decimalSeparator, minorUnits })).toEqual(E.right(expected));
    },
  );

  it('refuses more decimals than the currency has, misplaced thousands separators, and text that is no amount', () => {
    expect(readMinorUnits('1.005', { decimalSeparator: '.' })).toEqual(
      E.left('more than 2 decimals, got "1.005"'),
    );
    expect(E.isLeft(readMinorUnits('n/a', { decimalSeparator: '.' }))).toBe(true);
    expect(E.isLeft(readMinorUnits('1.2.3', { decimalSeparator: ',' }))).toBe(true);
    expect(E.isLeft(readMinorUnits('12,50', { decimalSeparator: '.' }))).toBe(true);
  });

  it('reads any amount written with thousands separators back exactly', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 12 }), (minor) => {
        const text = (minor / 100).toLocaleString('de-DE', { minimumFractionDigits: 2 });
        expect(readMinorUnits(`${text} €`, { decimalSeparator: ',' })).toEqual(E.right(minor));
      }),
    );
  });
});
