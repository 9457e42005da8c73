/** Why a price list command was refused, or a price could not be found. */
export type PriceListError =
  | { readonly kind: 'PriceListNotFound'; readonly priceListId: string }
  | { readonly kind: 'PriceListAlreadyCreated'; readonly priceListId: string }
  | {
      readonly kind: 'PriceCurrencyMismatch';
      readonly priceListId: string;
      readonly expected: string;
      readonly got: string;
    }
  | {
      readonly kind: 'NoPriceOnDate';
      readonly priceListId: string;
      readonly productId: string;
      readonly on: string;
    };
