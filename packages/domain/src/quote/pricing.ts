import * as E from 'fp-ts/lib/Either.js';
import { divideHalfEven } from '../shared/rounding.js';
import { WHOLE_BPS } from '../shared/basisPoints.js';
import type { QuotePricingError } from '../opportunity/quote.js';
import { priceQuote } from '../opportunity/quote.js';
import type { Money } from '../shared/money.js';
import type { CatalogQuoteLine, PricedCatalogLine, SaleTotals } from './values.js';

/** Lines with their exact amounts, and the totals they add up to. */
export interface PricedSale {
  readonly lines: readonly PricedCatalogLine[];
  readonly totals: SaleTotals;
}

const asMoney = (amount: bigint, currency: string): Money | undefined =>
  amount <= BigInt(Number.MAX_SAFE_INTEGER)
    ? ({ amountMinor: Number(amount), currency } as Money)
    : undefined;

/**
 * Prices catalog lines exactly. Gross, discount and net come from the quote pricing every quote
 * has used (`priceQuote`); each line's tax is its net × the tax rate, rounded half to even once;
 * the totals are the sums of the lines. Orders and invoices copy these lines, never price again,
 * so totals stay equal along the chain.
 */
export const priceCatalogLines = (
  lines: readonly CatalogQuoteLine[],
): E.Either<QuotePricingError, PricedSale> => {
  const base = priceQuote(
    lines.map((line) => ({
      product: line.productName,
      quantity: line.quantity,
      unitPrice: line.unitPrice,
      ...(line.discountBps === undefined ? {} : { discountBps: line.discountBps }),
    })),
  );
  if (E.isLeft(base)) return base;
  const currency = base.right.total.currency;
  const priced: PricedCatalogLine[] = [];
  let [net, tax] = [0n, 0n];
  for (const [index, line] of lines.entries()) {
    const amounts = base.right.lines[index];
    if (amounts === undefined) return E.left({ kind: 'QuoteTooLarge' });
    const lineNet = BigInt(amounts.net.amountMinor);
    const lineTax = divideHalfEven(lineNet * BigInt(line.taxRateBps), WHOLE_BPS);
    const [taxMoney, totalMoney] = [
      asMoney(lineTax, currency),
      asMoney(lineNet + lineTax, currency),
    ];
    if (taxMoney === undefined || totalMoney === undefined)
      return E.left({ kind: 'QuoteTooLarge' });
    priced.push({
      ...line,
      gross: amounts.gross,
      discount: amounts.discount,
      net: amounts.net,
      tax: taxMoney,
      total: totalMoney,
    });
    net += lineNet;
    tax += lineTax;
  }
  const totals = [asMoney(net, currency), asMoney(tax, currency), asMoney(net + tax, currency)];
  const [netMoney, taxMoney, totalMoney] = totals;
  if (netMoney === undefined || taxMoney === undefined || totalMoney === undefined) {
    return E.left({ kind: 'QuoteTooLarge' });
  }
  return E.right({ lines: priced, totals: { net: netMoney, tax: taxMoney, total: totalMoney } });
};

/** The largest line discount of a sale, in basis points (0 without discounts). */
export const largestDiscountBps = (lines: readonly CatalogQuoteLine[]): number =>
  lines.reduce((largest, line) => Math.max(largest, line.discountBps ?? 0), 0);

/**
 * Whether totals are exactly what the lines add up to, every line consistent (net = gross −
 * discount, total = net + tax) and in the totals' currency. Orders and invoices that copy a
 * quote's lines check this, so a total can never drift from its lines along the chain.
 */
export const totalsMatchLines = (
  lines: readonly PricedCatalogLine[],
  totals: SaleTotals,
): boolean => {
  const { currency } = totals.total;
  let [net, tax, total] = [0n, 0n, 0n];
  for (const line of lines) {
    const amounts = [line.gross, line.discount, line.net, line.tax, line.total];
    if (amounts.some((amount) => amount.currency !== currency)) return false;
    if (line.net.amountMinor !== line.gross.amountMinor - line.discount.amountMinor) return false;
    if (line.total.amountMinor !== line.net.amountMinor + line.tax.amountMinor) return false;
    net += BigInt(line.net.amountMinor);
    tax += BigInt(line.tax.amountMinor);
    total += BigInt(line.total.amountMinor);
  }
  return (
    totals.net.currency === currency &&
    totals.tax.currency === currency &&
    BigInt(totals.net.amountMinor) === net &&
    BigInt(totals.tax.amountMinor) === tax &&
    BigInt(totals.total.amountMinor) === total
  );
};
