import type { FulfilmentStatus } from './state.js';

/** Why a sales order command was refused. */
export type SalesOrderError =
  | { readonly kind: 'OrderNotFound'; readonly orderId: string }
  | { readonly kind: 'OrderAlreadyPlaced'; readonly orderId: string }
  | { readonly kind: 'OrderHasNoLines'; readonly orderId: string }
  /** The totals must be the sums of the lines, so they stay equal from quote to invoice. */
  | { readonly kind: 'OrderTotalsMismatch'; readonly orderId: string }
  | { readonly kind: 'OrderCurrencyMismatch'; readonly expected: string; readonly actual: string }
  | { readonly kind: 'UnknownOrderLine'; readonly orderId: string; readonly lineId: string }
  | {
      readonly kind: 'FulfilmentExceedsOrdered';
      readonly lineId: string;
      readonly ordered: number;
      readonly fulfilled: number;
    }
  | { readonly kind: 'OrderOnCreditHold'; readonly orderId: string }
  | { readonly kind: 'OrderNotOnCreditHold'; readonly orderId: string }
  | { readonly kind: 'OrderClosed'; readonly orderId: string; readonly status: FulfilmentStatus }
  | { readonly kind: 'OrderPartlyFulfilled'; readonly orderId: string };
