import * as t from 'io-ts';

/** One line of an order as the revenue reports need it: the product and its net amount. */
const OrderLineDocument = t.type({
  lineId: t.string,
  productId: t.string,
  sku: t.string,
  productName: t.string,
  quantity: t.number,
  netMinor: t.number,
});

/**
 * One sales order: who booked it, when, for which customer, from which quote, its lines' net
 * amounts (revenue is counted net of discounts, before tax) and whether it was cancelled.
 */
export const SalesOrderDocument = t.type(
  {
    orderId: t.string,
    quoteId: t.union([t.string, t.null]),
    customerId: t.string,
    ownerId: t.string,
    orderedOn: t.string,
    currency: t.string,
    lines: t.array(OrderLineDocument),
    cancelledOn: t.union([t.string, t.null]),
    status: t.string,
  },
  'SalesOrderDocument',
);
/** One sales order. */
export type SalesOrderDocument = t.TypeOf<typeof SalesOrderDocument>;
