import * as E from 'fp-ts/lib/Either.js';
import type { DateOnly } from '../shared/dates.js';
import type { NonNegativeMoney } from '../shared/money.js';
import type { PriceListError } from './errors.js';
import type { PriceListProfile } from './state.js';

/**
 * The unit price of a product on a day: the price whose first day is the latest on or before
 * that day. A quote priced on 2026-03-31 keeps March's price even if April's was set earlier.
 */
export const priceAsOf = (
  list: PriceListProfile,
  productId: string,
  on: DateOnly,
): E.Either<PriceListError, NonNegativeMoney> => {
  const entries = list.prices[productId] ?? [];
  const effective = entries.filter((entry) => entry.effectiveFrom <= on).at(-1);
  return effective === undefined
    ? E.left({ kind: 'NoPriceOnDate', priceListId: list.priceListId, productId, on })
    : E.right(effective.unitPrice);
};
