import * as t from 'io-ts';
import { commandCodecFor } from '../shared/commandCodec.js';
import { NonEmptyText } from '../shared/contact.js';
import { DateOnly } from '../shared/dates.js';
import { ProductBilling, Sku, TaxClass } from './values.js';

const command = commandCodecFor('productId');

/** Add a product to the catalog; it is active from then on. */
export const DefineProduct = command(
  'DefineProduct',
  { sku: Sku, name: NonEmptyText, unit: NonEmptyText, taxClass: TaxClass },
  { billing: ProductBilling },
);
/** Take a product out of sale: new quotes may no longer use it. */
export const RetireProduct = command('RetireProduct', { retiredOn: DateOnly }, {});
/** Put a retired product back on sale. */
export const ReactivateProduct = command('ReactivateProduct', { reactivatedOn: DateOnly }, {});

/** Every command of the Product aggregate. */
export const ProductCommand = t.union(
  [DefineProduct, RetireProduct, ReactivateProduct],
  'ProductCommand',
);
/** Every command of the Product aggregate. */
export type ProductCommand = t.TypeOf<typeof ProductCommand>;
/** A Product command as code writes it, in plain strings. */
export type ProductCommandInput = t.OutputOf<typeof ProductCommand>;
