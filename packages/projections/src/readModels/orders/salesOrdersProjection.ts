import { SalesOrderEvent } from '@clientele/domain';
import type { Projection } from '../../projection/projection.js';
import { domainEventDecoder } from '../domainEvent.js';
import type { SalesOrderDocument } from './salesOrderDocument.js';

const decode = domainEventDecoder(SalesOrderEvent);

/** `salesOrders`: one document per sales order, with its lines' net amounts and its status. */
export const salesOrdersProjection: Projection<SalesOrderDocument> = {
  name: 'salesOrders',
  version: 1,
  filter: { streamNamePrefixes: ['SalesOrder-'] },
  keysOf: (recorded) => {
    const event = decode(recorded);
    return event === undefined ? [] : [event.data.orderId];
  },
  initial: (orderId) => ({
    orderId,
    quoteId: null,
    customerId: '',
    ownerId: '',
    orderedOn: '',
    currency: '',
    lines: [],
    cancelledOn: null,
    status: 'open',
  }),
  apply: (doc, recorded) => {
    const event = decode(recorded);
    if (event === undefined) return doc;
    switch (event.type) {
      case 'OrderPlaced': {
        const { data } = event;
        return {
          ...doc,
          quoteId: data.quoteId ?? null,
          customerId: data.customerId,
          ownerId: data.ownerId,
          orderedOn: data.orderedOn,
          currency: data.currency,
          lines: data.lines.map((line) => ({
            lineId: line.lineId,
            productId: line.productId,
            sku: line.sku,
            productName: line.productName,
            quantity: line.quantity,
            netMinor: line.net.amountMinor,
          })),
          status: data.creditHold === undefined ? 'open' : 'on_credit_hold',
        };
      }
      case 'OrderLineFulfilled':
        return { ...doc, status: 'partially_fulfilled' };
      case 'OrderFulfilled':
        return { ...doc, status: 'fulfilled' };
      case 'OrderCreditHoldReleased':
        return { ...doc, status: 'open' };
      case 'OrderCancelled':
        return { ...doc, status: 'cancelled', cancelledOn: event.data.cancelledOn };
    }
  },
};
