import * as t from 'io-ts';

/**
 * Amounts per currency in minor units, `{ EUR: 12000, USD: 500 }`: what every money figure of a
 * report is. Nothing is ever summed across currencies; a currency with no amount is absent.
 */
export const MoneyByCurrency = t.readonly(t.record(t.string, t.number), 'MoneyByCurrency');
/** Amounts per currency in minor units. */
export type MoneyByCurrency = t.TypeOf<typeof MoneyByCurrency>;

/** No money in any currency. */
export const NO_MONEY: MoneyByCurrency = Object.freeze({});

/** Adds an amount in one currency; the other currencies are untouched. */
export const addAmount = (
  totals: MoneyByCurrency,
  amount: { readonly amountMinor: number; readonly currency: string },
): MoneyByCurrency => {
  const sum = (totals[amount.currency] ?? 0) + amount.amountMinor;
  if (!Number.isSafeInteger(sum)) {
    throw new RangeError(`${amount.currency} total overflows exact integers`);
  }
  return { ...totals, [amount.currency]: sum };
};

/** Sums two per-currency totals, currency by currency. */
export const addTotals = (a: MoneyByCurrency, b: MoneyByCurrency): MoneyByCurrency =>
  Object.entries(b).reduce(
    (totals, [currency, amountMinor]) => addAmount(totals, { currency, amountMinor }),
    a,
  );

/** `a − b` currency by currency (a currency only in `b` gives a negative amount). */
export const subtractTotals = (a: MoneyByCurrency, b: MoneyByCurrency): MoneyByCurrency =>
  Object.entries(b).reduce(
    (totals, [currency, amountMinor]) => addAmount(totals, { currency, amountMinor: -amountMinor }),
    a,
  );

/** The amount in one currency (0 when absent). */
export const amountIn = (totals: MoneyByCurrency, currency: string): number =>
  totals[currency] ?? 0;
