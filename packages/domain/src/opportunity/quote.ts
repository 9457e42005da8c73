import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { NonEmptyText } from '../shared/contact.js';
import { Money, NonNegativeMoney } from '../shared/money.js';
import { FractionBps, WHOLE_BPS } from '../shared/basisPoints.js';
import { divideHalfEven } from '../shared/rounding.js';

/** Brand of {@link PositiveQuantity}. */
export interface PositiveQuantityBrand {
  readonly PositiveQuantity: unique symbol;
}
/** A whole number of units, at least 1. */
export const PositiveQuantity = t.brand(
  t.number,
  (n): n is t.Branded<number, PositiveQuantityBrand> => Number.isSafeInteger(n) && n >= 1,
  'PositiveQuantity',
);

/** A product line as a rep enters it. */
export const QuoteLine = t.intersection(
  [
    t.type({ product: NonEmptyText, quantity: PositiveQuantity, unitPrice: NonNegativeMoney }),
    t.partial({ discountBps: FractionBps }),
  ],
  'QuoteLine',
);
/** A product line as a rep enters it. */
export type QuoteLine = t.TypeOf<typeof QuoteLine>;

/** A product line with its exact amounts: gross, discount and net, in minor units. */
export const PricedQuoteLine = t.intersection(
  [QuoteLine, t.type({ gross: Money, discount: Money, net: Money })],
  'PricedQuoteLine',
);
/** A product line with its exact amounts. */
export type PricedQuoteLine = t.TypeOf<typeof PricedQuoteLine>;

/** Why a quote could not be priced. */
export type QuotePricingError =
  | { readonly kind: 'QuoteHasNoLines' }
  | { readonly kind: 'QuoteCurrencyMismatch'; readonly currencies: readonly string[] }
  | { readonly kind: 'QuoteTooLarge' };

/** A priced quote: its lines with exact amounts and their total. */
export interface PricedQuote {
  readonly lines: readonly PricedQuoteLine[];
  readonly total: Money;
}

/** An exact amount as money, or nothing when it passes JavaScript's exact integer range. */
const toMoney = (amount: bigint, currency: string): Money | undefined =>
  amount <= BigInt(Number.MAX_SAFE_INTEGER)
    ? ({ amountMinor: Number(amount), currency } as Money)
    : undefined;

/**
 * Prices a quote exactly: per line, gross = quantity × unit price, discount = gross × basis points
 * / 10,000 rounded half to even to a whole minor unit, net = gross − discount; the total is the sum
 * of the nets. All arithmetic is on big integers, so no amount is ever rounded through a float.
 */
export const priceQuote = (
  lines: readonly QuoteLine[],
): E.Either<QuotePricingError, PricedQuote> => {
  const currencies = [...new Set(lines.map((line) => line.unitPrice.currency))];
  if (lines.length === 0) return E.left({ kind: 'QuoteHasNoLines' });
  if (currencies.length > 1) return E.left({ kind: 'QuoteCurrencyMismatch', currencies });
  const currency = currencies[0] as string;
  const priced: PricedQuoteLine[] = [];
  let total = 0n;
  for (const line of lines) {
    const gross = BigInt(line.quantity) * BigInt(line.unitPrice.amountMinor);
    const discount = divideHalfEven(gross * BigInt(line.discountBps ?? 0), WHOLE_BPS);
    const [grossMoney, discountMoney, net] = [gross, discount, gross - discount].map((amount) =>
      toMoney(amount, currency),
    );
    if (grossMoney === undefined || discountMoney === undefined || net === undefined) {
      return E.left({ kind: 'QuoteTooLarge' });
    }
    priced.push({ ...line, gross: grossMoney, discount: discountMoney, net });
    total += gross - discount;
  }
  const totalMoney = toMoney(total, currency);
  return totalMoney === undefined
    ? E.left({ kind: 'QuoteTooLarge' })
    : E.right({ lines: priced, total: totalMoney });
};
