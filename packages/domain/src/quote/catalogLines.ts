import * as E from 'fp-ts/lib/Either.js';
import type { PriceListError } from '../priceList/errors.js';
import { priceAsOf } from '../priceList/priceAsOf.js';
import type { PriceListProfile } from '../priceList/state.js';
import type { CatalogProduct } from '../product/state.js';
import type { DateOnly } from '../shared/dates.js';
import type { CatalogQuoteLine } from './values.js';

/** A line as a rep asks for it: which product, how many, which discount. */
export interface RequestedLine {
  readonly lineId: string;
  readonly productId: string;
  readonly quantity: number;
  readonly discountBps?: number;
}

/** Why a requested line could not be priced from the catalog. */
export type CatalogLineError =
  | PriceListError
  | { readonly kind: 'ProductNotInCatalog'; readonly productId: string }
  | { readonly kind: 'ProductRetiredFromSale'; readonly productId: string };

/**
 * Turns requested lines into catalog lines: each product must exist and be active, its unit price
 * is the price list's price on `on`, its tax rate the list's rate for the product's tax class.
 */
export const catalogLines = (
  requested: readonly RequestedLine[],
  priceList: PriceListProfile,
  products: ReadonlyMap<string, CatalogProduct>,
  on: DateOnly,
): E.Either<CatalogLineError, readonly CatalogQuoteLine[]> => {
  const lines: CatalogQuoteLine[] = [];
  for (const line of requested) {
    const product = products.get(line.productId);
    if (product === undefined)
      return E.left({ kind: 'ProductNotInCatalog', productId: line.productId });
    if (product.status === 'retired') {
      return E.left({ kind: 'ProductRetiredFromSale', productId: line.productId });
    }
    const price = priceAsOf(priceList, line.productId, on);
    if (E.isLeft(price)) return price;
    lines.push({
      ...line,
      sku: product.sku,
      productName: product.name,
      billing: product.billing,
      unitPrice: price.right,
      taxRateBps: priceList.taxRates[product.taxClass],
    } as CatalogQuoteLine);
  }
  return E.right(lines);
};
