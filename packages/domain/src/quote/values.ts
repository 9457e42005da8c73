import * as t from 'io-ts';
import { DateOnly } from '../shared/dates.js';
import { Money, NonNegativeMoney } from '../shared/money.js';
import { BasisPoints, FractionBps } from '../shared/basisPoints.js';
import { PositiveQuantity } from '../opportunity/quote.js';
import { ProductBilling, Sku } from '../product/values.js';

/**
 * A quote line as the catalog prices it: the product (id, SKU, name and billing as the catalog
 * had them), quantity, the unit price of the price list on the quote's date, the tax rate of the
 * product's tax class there, and the rep's discount.
 */
export const CatalogQuoteLine = t.intersection(
  [
    t.type({
      lineId: t.string,
      productId: t.string,
      sku: Sku,
      productName: t.string,
      billing: ProductBilling,
      quantity: PositiveQuantity,
      unitPrice: NonNegativeMoney,
      taxRateBps: BasisPoints,
    }),
    t.partial({
      discountBps: FractionBps,
      /**
       * The price list's price when the agreed unit price differs from it: a deal closed at a
       * negotiated value (imported orders). Quotes priced from the catalog never set it.
       */
      listUnitPrice: NonNegativeMoney,
    }),
  ],
  'CatalogQuoteLine',
);
/** A quote line as the catalog prices it. */
export type CatalogQuoteLine = t.TypeOf<typeof CatalogQuoteLine>;

/**
 * A quote line with its exact amounts in minor units: gross = quantity × unit price, discount
 * and tax rounded half to even once each, net = gross − discount, total = net + tax.
 */
export const PricedCatalogLine = t.intersection(
  [
    CatalogQuoteLine,
    t.type({ gross: Money, discount: Money, net: Money, tax: Money, total: Money }),
  ],
  'PricedCatalogLine',
);
/** A quote line with its exact amounts. */
export type PricedCatalogLine = t.TypeOf<typeof PricedCatalogLine>;

/** The totals of a quote, an order or an invoice: sums of the lines' nets, taxes and totals. */
export const SaleTotals = t.readonly(
  t.type({ net: Money, tax: Money, total: Money }),
  'SaleTotals',
);
/** The totals of a sale. */
export type SaleTotals = t.TypeOf<typeof SaleTotals>;

/** How often a subscription is invoiced. */
export const BillingFrequency = t.keyof(
  { monthly: null, quarterly: null, yearly: null },
  'BillingFrequency',
);
/** How often a subscription is invoiced. */
export type BillingFrequency = t.TypeOf<typeof BillingFrequency>;

/** Brand of {@link TermMonths}. */
export interface TermMonthsBrand {
  readonly TermMonths: unique symbol;
}
/** A contract term in whole months, 1 to 120. */
export const TermMonths = t.brand(
  t.number,
  (n): n is t.Branded<number, TermMonthsBrand> => Number.isSafeInteger(n) && n >= 1 && n <= 120,
  'TermMonths',
);

/** Brand of {@link NoticeDays}. */
export interface NoticeDaysBrand {
  readonly NoticeDays: unique symbol;
}
/** A notice period in whole days, 0 to 365. */
export const NoticeDays = t.brand(
  t.number,
  (n): n is t.Branded<number, NoticeDaysBrand> => Number.isSafeInteger(n) && n >= 0 && n <= 365,
  'NoticeDays',
);

/**
 * The terms of a subscription quote: accepted, it becomes a contract starting on `startOn` for
 * `termMonths`, renewed automatically or not, cancellable with `noticeDays` of notice.
 */
export const SubscriptionTerms = t.readonly(
  t.type({
    startOn: DateOnly,
    termMonths: TermMonths,
    autoRenew: t.boolean,
    noticeDays: NoticeDays,
    billing: BillingFrequency,
  }),
  'SubscriptionTerms',
);
/** The terms of a subscription quote. */
export type SubscriptionTerms = t.TypeOf<typeof SubscriptionTerms>;
