import * as t from 'io-ts';

/** Brand of {@link MinorUnits}. */
export interface MinorUnitsBrand {
  readonly MinorUnits: unique symbol;
}
/** A whole number of minor units (cents, fen), within JavaScript's exact integer range. */
export const MinorUnits = t.brand(
  t.number,
  (n): n is t.Branded<number, MinorUnitsBrand> => Number.isSafeInteger(n),
  'MinorUnits',
);
/** A whole number of minor units. */
export type MinorUnits = t.TypeOf<typeof MinorUnits>;

/** Brand of {@link CurrencyCode}. */
export interface CurrencyCodeBrand {
  readonly CurrencyCode: unique symbol;
}
/** An ISO 4217 alphabetic currency code: three upper-case letters (`EUR`, `CNY`, `USD`). */
export const CurrencyCode = t.brand(
  t.string,
  (s): s is t.Branded<string, CurrencyCodeBrand> => /^[A-Z]{3}$/.test(s),
  'CurrencyCode',
);
/** An ISO 4217 alphabetic currency code. */
export type CurrencyCode = t.TypeOf<typeof CurrencyCode>;

/**
 * Money as integer minor units plus currency: `{ amountMinor: 123450, currency: 'CNY' }` is
 * ¥1,234.50. No floats in money, ever.
 */
export const Money = t.readonly(
  t.type({ amountMinor: MinorUnits, currency: CurrencyCode }),
  'Money',
);
/** Money as integer minor units plus currency. */
export type Money = t.TypeOf<typeof Money>;

/** Brand of the amounts of {@link NonNegativeMoney}. */
export interface NonNegativeMinorUnitsBrand {
  readonly NonNegativeMinorUnits: unique symbol;
}
/** Whole minor units, zero or more: the amount of {@link NonNegativeMoney} on its own. */
export const NonNegativeMinorUnits = t.brand(
  t.number,
  (n): n is t.Branded<number, NonNegativeMinorUnitsBrand> => Number.isSafeInteger(n) && n >= 0,
  'NonNegativeMinorUnits',
);

/** Money that may not be negative: prices, budgets, payments. */
export const NonNegativeMoney = t.readonly(
  t.type({ amountMinor: NonNegativeMinorUnits, currency: CurrencyCode }),
  'NonNegativeMoney',
);
/** Money that may not be negative. */
export type NonNegativeMoney = t.TypeOf<typeof NonNegativeMoney>;

/** Builds money from minor units; throws on a fractional or unsafe amount or a bad currency. */
export const money = (amountMinor: number, currency: string): Money => {
  const decoded = Money.decode({ amountMinor, currency });
  if (decoded._tag === 'Left') {
    throw new RangeError(
      `${amountMinor} ${currency} is not money: whole minor units and an ISO 4217 code`,
    );
  }
  return decoded.right;
};

/** Sum of two amounts of the same currency; throws when currencies differ or the sum overflows. */
export const addMoney = (a: Money, b: Money): Money => {
  if (a.currency !== b.currency) {
    throw new RangeError(
      `cannot add ${a.currency} and ${b.currency}: amounts are kept per currency`,
    );
  }
  return money(a.amountMinor + b.amountMinor, a.currency);
};

/** Difference of two amounts of the same currency. */
export const subtractMoney = (a: Money, b: Money): Money =>
  addMoney(a, money(0 - b.amountMinor, b.currency));

/** Zero in a currency. */
export const zeroMoney = (currency: string): Money => money(0, currency);

/** Builds money that may not be negative; throws on a negative, fractional or unsafe amount. */
export const nonNegativeMoney = (amountMinor: number, currency: string): NonNegativeMoney => {
  const decoded = NonNegativeMoney.decode({ amountMinor, currency });
  if (decoded._tag === 'Left') {
    throw new RangeError(`${amountMinor} ${currency} is not a non-negative amount of money`);
  }
  return decoded.right;
};
