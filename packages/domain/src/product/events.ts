import * as t from 'io-ts';
import { DateOnly } from '../shared/dates.js';
import { eventCodec } from '../shared/eventCodec.js';
import { ProductDefinition } from './values.js';

/** A product joined the catalog. */
export const ProductDefined = eventCodec('ProductDefined', ProductDefinition);
/** A product was taken out of sale. */
export const ProductRetired = eventCodec(
  'ProductRetired',
  t.type({ productId: t.string, retiredOn: DateOnly }),
);
/** A retired product went back on sale. */
export const ProductReactivated = eventCodec(
  'ProductReactivated',
  t.type({ productId: t.string, reactivatedOn: DateOnly }),
);

/** Every event of a Product stream. */
export const ProductEvent = t.union(
  [ProductDefined, ProductRetired, ProductReactivated],
  'ProductEvent',
);
/** Every event of a Product stream. */
export type ProductEvent = t.TypeOf<typeof ProductEvent>;
