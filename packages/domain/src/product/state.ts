import type { ProductEvent } from './events.js';
import type { ProductBilling, Sku, TaxClass } from './values.js';

/** A product of the catalog after its events. */
export interface CatalogProduct {
  readonly productId: string;
  readonly sku: Sku;
  readonly name: string;
  readonly unit: string;
  readonly taxClass: TaxClass;
  readonly billing: ProductBilling;
  readonly status: 'active' | 'retired';
}

/** A product stream's state: nothing yet, or a defined product. */
export type ProductState =
  { readonly status: 'none' } | ({ readonly defined: true } & CatalogProduct);

/** The state of a stream with no events. */
export const initialProductState: ProductState = { status: 'none' };

/** Folds one event into a product's state. */
export const evolveProduct = (state: ProductState, event: ProductEvent): ProductState => {
  switch (event.type) {
    case 'ProductDefined':
      return { defined: true, ...event.data, status: 'active' };
    case 'ProductRetired':
      return 'defined' in state ? { ...state, status: 'retired' } : state;
    case 'ProductReactivated':
      return 'defined' in state ? { ...state, status: 'active' } : state;
  }
};
