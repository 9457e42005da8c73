import * as t from 'io-ts';
import { DateOnly } from '../shared/dates.js';
import { eventCodec } from '../shared/eventCodec.js';
import { CurrencyCode, NonNegativeMoney } from '../shared/money.js';
import { TaxRates } from './values.js';

/** A price list was opened for a currency and a customer segment. */
export const PriceListCreated = eventCodec(
  'PriceListCreated',
  t.type({
    priceListId: t.string,
    name: t.string,
    currency: CurrencyCode,
    segment: t.string,
    taxRates: TaxRates,
  }),
);
/** A product's unit price was set from a day on. */
export const ProductPriceSet = eventCodec(
  'ProductPriceSet',
  t.type({
    priceListId: t.string,
    productId: t.string,
    unitPrice: NonNegativeMoney,
    effectiveFrom: DateOnly,
  }),
);

/** Every event of a PriceList stream. */
export const PriceListEvent = t.union([PriceListCreated, ProductPriceSet], 'PriceListEvent');
/** Every event of a PriceList stream. */
export type PriceListEvent = t.TypeOf<typeof PriceListEvent>;
