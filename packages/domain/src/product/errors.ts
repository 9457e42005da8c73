/** Why a product command was refused. */
export type ProductError =
  | { readonly kind: 'ProductNotFound'; readonly productId: string }
  | { readonly kind: 'ProductAlreadyDefined'; readonly productId: string };
