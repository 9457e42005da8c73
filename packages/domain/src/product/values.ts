import * as t from 'io-ts';

/** Brand of {@link Sku}. */
export interface SkuBrand {
  readonly Sku: unique symbol;
}
/** A stock-keeping unit: letters, digits, `-`, `_` or `.`, starting with a letter or digit. */
export const Sku = t.brand(
  t.string,
  (s): s is t.Branded<string, SkuBrand> => /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(s),
  'Sku',
);
/** A stock-keeping unit. */
export type Sku = t.TypeOf<typeof Sku>;

/**
 * The tax class of a product: which of a price list's tax rates applies to it. Rates live in the
 * price list because they depend on where (and to whom) the product is sold.
 */
export const TaxClass = t.keyof(
  { standard: null, reduced: null, zero: null, exempt: null },
  'TaxClass',
);
/** The tax class of a product. */
export type TaxClass = t.TypeOf<typeof TaxClass>;

/**
 * How a product is sold: once (goods, a setup fee), or as a subscription that a contract renews
 * every term.
 */
export const ProductBilling = t.keyof({ one_off: null, subscription: null }, 'ProductBilling');
/** How a product is sold. */
export type ProductBilling = t.TypeOf<typeof ProductBilling>;

/** What defines a product: the fields its `ProductDefined` event carries and its state keeps. */
export const ProductDefinition = t.type({
  productId: t.string,
  sku: Sku,
  name: t.string,
  unit: t.string,
  taxClass: TaxClass,
  billing: ProductBilling,
});
