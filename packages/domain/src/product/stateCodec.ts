import * as t from 'io-ts';
import type { ProductState } from './state.js';
import { ProductBilling, Sku, TaxClass } from './values.js';

const DefinedProduct = t.readonly(
  t.type({
    defined: t.literal(true),
    productId: t.string,
    sku: Sku,
    name: t.string,
    unit: t.string,
    taxClass: TaxClass,
    billing: ProductBilling,
    status: t.union([t.literal('active'), t.literal('retired')]),
  }),
);

/**
 * The Product state as stored in a snapshot: decoded like any stored JSON, so a snapshot that no
 * longer matches the state's shape is ignored rather than trusted.
 */
export const ProductStateCodec: t.Type<ProductState, unknown> = t.union(
  [t.readonly(t.type({ status: t.literal('none') })), DefinedProduct],
  'ProductState',
);

/**
 * The version of the Product state's shape and `evolve`: bump it whenever either changes, so
 * snapshots written by an older `evolve` are ignored.
 */
export const PRODUCT_STATE_VERSION = 'product@1';
