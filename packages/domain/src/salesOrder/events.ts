import * as t from 'io-ts';
import { DateOnly } from '../shared/dates.js';
import { eventCodec } from '../shared/eventCodec.js';
import { CurrencyCode, Money, NonNegativeMoney } from '../shared/money.js';
import { PositiveQuantity } from '../opportunity/quote.js';
import { PricedCatalogLine, SaleTotals } from '../quote/values.js';
import { BillingPlan } from './billingPlan.js';

/** The credit facts of an order that went over the customer's limit. */
const CreditFacts = t.type({ creditLimit: NonNegativeMoney, outstandingAfter: Money });

/**
 * An order was placed. Over the credit limit it is either held (`creditHold`, policy `block`)
 * until someone releases it, or placed with a `creditWarning` (policy `warn`).
 */
export const OrderPlaced = eventCodec(
  'OrderPlaced',
  t.intersection([
    t.type({
      orderId: t.string,
      customerId: t.string,
      ownerId: t.string,
      currency: CurrencyCode,
      orderedOn: DateOnly,
      lines: t.readonlyArray(PricedCatalogLine),
      totals: SaleTotals,
    }),
    t.partial({
      quoteId: t.string,
      opportunityId: t.string,
      creditHold: CreditFacts,
      creditWarning: CreditFacts,
      billingPlan: BillingPlan,
    }),
  ]),
);
/** Some units of a line were delivered. */
export const OrderLineFulfilled = eventCodec(
  'OrderLineFulfilled',
  t.type({
    orderId: t.string,
    lineId: t.string,
    quantity: PositiveQuantity,
    fulfilledOn: DateOnly,
  }),
);
/** Every unit of every line was delivered. */
export const OrderFulfilled = eventCodec(
  'OrderFulfilled',
  t.type({ orderId: t.string, fulfilledOn: DateOnly }),
);
/** An order held for credit was released, by `releasedBy`. */
export const OrderCreditHoldReleased = eventCodec(
  'OrderCreditHoldReleased',
  t.type({ orderId: t.string, releasedBy: t.string, releasedOn: DateOnly }),
);
/** An order was cancelled before anything was delivered. */
export const OrderCancelled = eventCodec(
  'OrderCancelled',
  t.intersection([
    t.type({ orderId: t.string, cancelledOn: DateOnly }),
    t.partial({ reason: t.string }),
  ]),
);

/** Every event of a SalesOrder stream. */
export const SalesOrderEvent = t.union(
  [OrderPlaced, OrderLineFulfilled, OrderFulfilled, OrderCreditHoldReleased, OrderCancelled],
  'SalesOrderEvent',
);
/** Every event of a SalesOrder stream. */
export type SalesOrderEvent = t.TypeOf<typeof SalesOrderEvent>;
