import { deciderSpec } from '@clientele/eventstore/testing';
import { describe, it } from 'vitest';
import { productDecider } from './decide.js';
import type { ProductEvent } from './events.js';

const spec = deciderSpec(productDecider);
const productId = 'seat';
const defined: ProductEvent = {
  type: 'ProductDefined',
  data: {
    productId,
    sku: 'SEAT-STD' as never,
    name: 'Seat',
    unit: 'seat',
    taxClass: 'standard',
    billing: 'one_off',
  },
};
const retired: ProductEvent = {
  type: 'ProductRetired',
  data: { productId, retiredOn: '2026-06-30' as never },
};

describe('product', () => {
  it('defines a product with SKU, unit and tax class, sold once unless said otherwise', () => {
    spec
      .given([])
      .when({
        kind: 'DefineProduct',
        productId,
        sku: 'SEAT-STD' as never,
        name: 'Seat',
        unit: 'seat',
        taxClass: 'standard',
      })
      .then([defined]);
  });

  it('refuses to define the same product twice', () => {
    spec
      .given([defined])
      .when({
        kind: 'DefineProduct',
        productId,
        sku: 'SEAT-2' as never,
        name: 'Seat',
        unit: 'seat',
        taxClass: 'zero',
      })
      .thenFails({ kind: 'ProductAlreadyDefined', productId });
  });

  it('retires an active product, and retiring it again records nothing', () => {
    spec
      .given([defined])
      .when({ kind: 'RetireProduct', productId, retiredOn: '2026-06-30' as never })
      .then([retired]);
    spec
      .given([defined, retired])
      .when({ kind: 'RetireProduct', productId, retiredOn: '2026-07-01' as never })
      .then([]);
  });

  it('puts a retired product back on sale', () => {
    spec
      .given([defined, retired])
      .when({ kind: 'ReactivateProduct', productId, reactivatedOn: '2026-09-01' as never })
      .then([
        {
          type: 'ProductReactivated',
          data: { productId, reactivatedOn: '2026-09-01' as never },
        },
      ]);
  });

  it('refuses to retire a product that was never defined', () => {
    spec
      .given([])
      .when({ kind: 'RetireProduct', productId, retiredOn: '2026-06-30' as never })
      .thenFails({ kind: 'ProductNotFound', productId });
  });
});
