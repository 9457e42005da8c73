import type { CurrencyCode } from '../shared/money.js';
import type { PriceListEvent } from './events.js';
import type { PriceEntry, TaxRates } from './values.js';

/** A price list after its events: per product, its prices in order of their first day. */
export interface PriceListProfile {
  readonly priceListId: string;
  readonly name: string;
  readonly currency: CurrencyCode;
  readonly segment: string;
  readonly taxRates: TaxRates;
  readonly prices: Readonly<Record<string, readonly PriceEntry[]>>;
}

/** A price list stream's state: nothing yet, or a created list. */
export type PriceListState =
  { readonly status: 'none' } | ({ readonly created: true } & PriceListProfile);

/** The state of a stream with no events. */
export const initialPriceListState: PriceListState = { status: 'none' };

/** Folds one event into a price list's state; a price for the same first day replaces it. */
export const evolvePriceList = (state: PriceListState, event: PriceListEvent): PriceListState => {
  switch (event.type) {
    case 'PriceListCreated':
      return { created: true, ...event.data, prices: {} };
    case 'ProductPriceSet': {
      if (!('created' in state)) return state;
      const { productId, unitPrice, effectiveFrom } = event.data;
      const others = (state.prices[productId] ?? []).filter(
        (entry) => entry.effectiveFrom !== effectiveFrom,
      );
      const entries = [...others, { unitPrice, effectiveFrom }].sort((a, b) =>
        a.effectiveFrom < b.effectiveFrom ? -1 : 1,
      );
      return { ...state, prices: { ...state.prices, [productId]: entries } };
    }
  }
};
