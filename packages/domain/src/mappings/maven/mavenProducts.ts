import * as E from 'fp-ts/lib/Either.js';
import type { RejectedRow } from '../mappedRow.js';
import { decodeRow } from '../mappedRow.js';
import { MavenProductRow } from './mavenRows.js';

/** List prices in whole dollars by product, looked up with {@link mavenProductKey}. */
export type MavenPriceList = ReadonlyMap<string, number>;

/**
 * The key a product is looked up by: its name without spaces, because the pipeline spells
 * `GTXPro` what `products.csv` spells `GTX Pro` (a plain join loses 1,480 deals).
 */
export const mavenProductKey = (product: string): string => product.replace(/\s+/g, '');

/** Reads `products.csv` rows into a price list; the first bad row is returned instead. */
export const mavenPriceList = (
  rows: Iterable<{
    readonly lineNumber: number;
    readonly values: Readonly<Record<string, string>>;
  }>,
): E.Either<RejectedRow, MavenPriceList> => {
  const prices = new Map<string, number>();
  for (const { lineNumber, values } of rows) {
    const decoded = decodeRow(MavenProductRow, values, lineNumber);
    if (E.isLeft(decoded)) return decoded;
    prices.set(mavenProductKey(decoded.right.product), Number(decoded.right.sales_price));
  }
  return E.right(prices);
};
