import * as t from 'io-ts';
import { CurrencyCode } from '../shared/money.js';
import type { PriceListState } from './state.js';
import { PriceEntry, TaxRates } from './values.js';

const CreatedPriceList = t.readonly(
  t.type({
    created: t.literal(true),
    priceListId: t.string,
    name: t.string,
    currency: CurrencyCode,
    segment: t.string,
    taxRates: TaxRates,
    prices: t.readonly(t.record(t.string, t.readonlyArray(PriceEntry))),
  }),
);

/**
 * The PriceList state as stored in a snapshot: every product's prices with their first days,
 * decoded like any stored JSON, so a snapshot of another shape is ignored rather than trusted.
 */
export const PriceListStateCodec: t.Type<PriceListState, unknown> = t.union(
  [t.readonly(t.type({ status: t.literal('none') })), CreatedPriceList],
  'PriceListState',
);

/**
 * The version of the PriceList state's shape and `evolve`: bump it whenever either changes, so
 * snapshots written by an older `evolve` are ignored.
 */
export const PRICE_LIST_STATE_VERSION = 'price-list@1';
