import * as t from 'io-ts';
import { commandCodecFor } from '../shared/commandCodec.js';
import { DateOnly } from '../shared/dates.js';
import { CurrencyCode } from '../shared/money.js';
import { CreditCheck } from '../invoice/values.js';
import { PositiveQuantity } from '../opportunity/quote.js';
import { PricedCatalogLine, SaleTotals } from '../quote/values.js';
import { BillingPlan } from './billingPlan.js';

const command = commandCodecFor('orderId');

/**
 * Place a sales order, usually from an accepted quote, whose lines and totals it copies. The
 * order service records the customer's credit facts in `creditCheck` when it knows them.
 */
export const PlaceOrder = command(
  'PlaceOrder',
  {
    customerId: t.string,
    ownerId: t.string,
    currency: CurrencyCode,
    orderedOn: DateOnly,
    lines: t.readonlyArray(PricedCatalogLine),
    totals: SaleTotals,
  },
  {
    quoteId: t.string,
    opportunityId: t.string,
    creditCheck: CreditCheck,
    billingPlan: BillingPlan,
  },
);
/** Record that some units of a line were delivered. */
export const FulfilOrderLine = command(
  'FulfilOrderLine',
  { lineId: t.string, quantity: PositiveQuantity, fulfilledOn: DateOnly },
  {},
);
/** Release an order held for credit, on someone's authority. */
export const ReleaseOrderCreditHold = command(
  'ReleaseOrderCreditHold',
  { releasedBy: t.string, releasedOn: DateOnly },
  {},
);
/** Cancel an order nothing of which was delivered. */
export const CancelOrder = command('CancelOrder', { cancelledOn: DateOnly }, { reason: t.string });

/** Every command of the SalesOrder aggregate. */
export const SalesOrderCommand = t.union(
  [PlaceOrder, FulfilOrderLine, ReleaseOrderCreditHold, CancelOrder],
  'SalesOrderCommand',
);
/** Every command of the SalesOrder aggregate. */
export type SalesOrderCommand = t.TypeOf<typeof SalesOrderCommand>;
/** A SalesOrder command as code writes it, in plain strings and numbers. */
export type SalesOrderCommandInput = t.OutputOf<typeof SalesOrderCommand>;
