import * as E from 'fp-ts/lib/Either.js';
import { deciderSpec } from '@clientele/eventstore/testing';
import { foldEvents } from '@clientele/eventstore';
import { describe, expect, it } from 'vitest';
import { priceListDecider } from './decide.js';
import type { PriceListEvent } from './events.js';
import { priceAsOf } from './priceAsOf.js';

const spec = deciderSpec(priceListDecider);
const priceListId = 'eu-smb';
const eur = (amountMinor: number) => ({ amountMinor, currency: 'EUR' }) as never;
const created: PriceListEvent = {
  type: 'PriceListCreated',
  data: {
    priceListId,
    name: 'EU small business',
    currency: 'EUR' as never,
    segment: 'smb',
    taxRates: { standard: 2_000, reduced: 550, zero: 0, exempt: 0 } as never,
  },
};
const priceSet = (amountMinor: number, effectiveFrom: string): PriceListEvent => ({
  type: 'ProductPriceSet',
  data: {
    priceListId,
    productId: 'seat',
    unitPrice: eur(amountMinor),
    effectiveFrom: effectiveFrom as never,
  },
});

describe('price list', () => {
  it('sets a product price from a day on', () => {
    spec
      .given([created])
      .when({
        kind: 'SetProductPrice',
        priceListId,
        productId: 'seat',
        unitPrice: eur(12_000),
        effectiveFrom: '2026-01-01' as never,
      })
      .then([priceSet(12_000, '2026-01-01')]);
  });

  it('refuses a price in another currency than the list', () => {
    spec
      .given([created])
      .when({
        kind: 'SetProductPrice',
        priceListId,
        productId: 'seat',
        unitPrice: { amountMinor: 1, currency: 'USD' } as never,
        effectiveFrom: '2026-01-01' as never,
      })
      .thenFails({ kind: 'PriceCurrencyMismatch', priceListId, expected: 'EUR', got: 'USD' });
  });

  it('records nothing when the same price is set again for the same day', () => {
    spec
      .given([created, priceSet(12_000, '2026-01-01')])
      .when({
        kind: 'SetProductPrice',
        priceListId,
        productId: 'seat',
        unitPrice: eur(12_000),
        effectiveFrom: '2026-01-01' as never,
      })
      .then([]);
  });

  it('looks a price up as of a date: the latest price in effect on that day, whatever order it was set in', () => {
    const state = foldEvents(priceListDecider, [
      created,
      priceSet(13_000, '2026-04-01'),
      priceSet(12_000, '2026-01-01'),
    ]);
    if (!('created' in state)) throw new Error('no list');
    expect(priceAsOf(state, 'seat', '2026-03-31' as never)).toEqual(E.right(eur(12_000)));
    expect(priceAsOf(state, 'seat', '2026-04-01' as never)).toEqual(E.right(eur(13_000)));
    expect(priceAsOf(state, 'seat', '2025-12-31' as never)).toEqual(
      E.left({ kind: 'NoPriceOnDate', priceListId, productId: 'seat', on: '2025-12-31' }),
    );
  });
});
