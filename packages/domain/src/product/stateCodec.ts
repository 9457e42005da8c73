import * as t from 'io-ts';
import type { ProductState } from './state.js';
import { ProductDefinition } from './values.js';

const DefinedProduct = t.readonly(
  t.intersection([
    t.type({
      defined: t.literal(true),
      status: t.union([t.literal('active'), t.literal('retired')]),
    }),
    ProductDefinition,
  ]),
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
