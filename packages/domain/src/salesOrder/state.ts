import type { DateOnly } from '../shared/dates.js';
import type { PricedCatalogLine, SaleTotals } from '../quote/values.js';
import type { SalesOrderEvent } from './events.js';

/** Where an order's delivery stands. */
export type FulfilmentStatus = 'open' | 'partially_fulfilled' | 'fulfilled' | 'cancelled';

/** A placed order after its events. */
export interface SalesOrderProfile {
  readonly orderId: string;
  readonly customerId: string;
  readonly ownerId: string;
  readonly quoteId: string | null;
  readonly orderedOn: DateOnly;
  readonly lines: readonly PricedCatalogLine[];
  readonly totals: SaleTotals;
  readonly status: FulfilmentStatus;
  readonly onCreditHold: boolean;
  /** Units delivered per line id. */
  readonly fulfilled: Readonly<Record<string, number>>;
}

/** A sales order stream's state: nothing yet, or a placed order. */
export type SalesOrderState =
  { readonly status: 'none' } | ({ readonly placed: true } & SalesOrderProfile);

/** The state of a stream with no events. */
export const initialSalesOrderState: SalesOrderState = { status: 'none' };

const change = (
  state: SalesOrderState,
  patch: (order: SalesOrderProfile) => Partial<SalesOrderProfile>,
) => ('placed' in state ? { ...state, ...patch(state) } : state);

/** Folds one event into an order's state. */
export const evolveSalesOrder = (
  state: SalesOrderState,
  event: SalesOrderEvent,
): SalesOrderState => {
  switch (event.type) {
    case 'OrderPlaced': {
      const { data } = event;
      return {
        placed: true,
        orderId: data.orderId,
        customerId: data.customerId,
        ownerId: data.ownerId,
        quoteId: data.quoteId ?? null,
        orderedOn: data.orderedOn,
        lines: data.lines,
        totals: data.totals,
        status: 'open',
        onCreditHold: data.creditHold !== undefined,
        fulfilled: {},
      };
    }
    case 'OrderLineFulfilled':
      return change(state, (order) => ({
        status: 'partially_fulfilled',
        fulfilled: {
          ...order.fulfilled,
          [event.data.lineId]: (order.fulfilled[event.data.lineId] ?? 0) + event.data.quantity,
        },
      }));
    case 'OrderFulfilled':
      return change(state, () => ({ status: 'fulfilled' }));
    case 'OrderCreditHoldReleased':
      return change(state, () => ({ onCreditHold: false }));
    case 'OrderCancelled':
      return change(state, () => ({ status: 'cancelled' }));
  }
};
