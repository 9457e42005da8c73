import { deciderSpec } from '@clientele/eventstore/testing';
import { describe, it } from 'vitest';
import type { SalesOrderCommand } from './commands.js';
import { salesOrderDecider } from './decide.js';
import type { SalesOrderEvent } from './events.js';
import { eur, pricedSeatLine } from '../testing/quoteFixtures.js';

const spec = deciderSpec(salesOrderDecider);
const orderId = 'so-1';
const line = pricedSeatLine(6_000);
const totals = { net: eur(114_000), tax: eur(22_800), total: eur(136_800) };
const order = {
  orderId,
  customerId: 'cus-1',
  ownerId: 'rep-1',
  currency: 'EUR' as never,
  orderedOn: '2026-03-05' as never,
  lines: [line],
  totals,
};
const place = (extra: object = {}): SalesOrderCommand => ({
  kind: 'PlaceOrder',
  ...order,
  ...extra,
});
const placed = (extra: object = {}): SalesOrderEvent => ({
  type: 'OrderPlaced',
  data: { ...order, ...extra },
});
const fulfil = (quantity: number, on = '2026-03-10'): SalesOrderCommand => ({
  kind: 'FulfilOrderLine',
  orderId,
  lineId: 'l1',
  quantity: quantity as never,
  fulfilledOn: on as never,
});
const fulfilled = (quantity: number, on = '2026-03-10'): SalesOrderEvent => ({
  type: 'OrderLineFulfilled',
  data: { orderId, lineId: 'l1', quantity: quantity as never, fulfilledOn: on as never },
});
const credit = (outstanding: number, policy: 'warn' | 'block') => ({
  creditCheck: { creditLimit: eur(200_000), outstanding: eur(outstanding), policy },
});

describe('sales order', () => {
  it('places an order that keeps product, quantity, price, discount and tax of each line', () => {
    spec.given([]).when(place()).then([placed()]);
  });

  it('refuses totals that are not the exact sums of the lines', () => {
    spec
      .given([])
      .when(place({ totals: { ...totals, total: eur(136_801) } }))
      .thenFails({ kind: 'OrderTotalsMismatch', orderId });
  });

  it('holds an order over the credit limit under the block policy', () => {
    spec
      .given([])
      .when(place(credit(100_000, 'block')))
      .then([
        placed({ creditHold: { creditLimit: eur(200_000), outstandingAfter: eur(236_800) } }),
      ]);
  });

  it('places an order over the credit limit with a warning under the warn policy', () => {
    spec
      .given([])
      .when(place(credit(100_000, 'warn')))
      .then([
        placed({ creditWarning: { creditLimit: eur(200_000), outstandingAfter: eur(236_800) } }),
      ]);
  });

  it('delivers nothing of an order held for credit until someone releases it', () => {
    const held = placed({
      creditHold: { creditLimit: eur(200_000), outstandingAfter: eur(236_800) },
    });
    spec.given([held]).when(fulfil(1)).thenFails({ kind: 'OrderOnCreditHold', orderId });
    spec
      .given([held])
      .when({
        kind: 'ReleaseOrderCreditHold',
        orderId,
        releasedBy: 'cfo',
        releasedOn: '2026-03-06' as never,
      })
      .then([
        {
          type: 'OrderCreditHoldReleased',
          data: { orderId, releasedBy: 'cfo', releasedOn: '2026-03-06' as never },
        },
      ]);
  });

  it('is partly fulfilled after some units and fulfilled once every unit is delivered', () => {
    spec
      .given([placed()])
      .when(fulfil(4))
      .then([fulfilled(4)]);
    spec
      .given([placed(), fulfilled(4)])
      .when(fulfil(6, '2026-03-12'))
      .then([
        fulfilled(6, '2026-03-12'),
        { type: 'OrderFulfilled', data: { orderId, fulfilledOn: '2026-03-12' as never } },
      ]);
  });

  it('refuses to deliver more units than were ordered', () => {
    spec
      .given([placed(), fulfilled(4)])
      .when(fulfil(7))
      .thenFails({ kind: 'FulfilmentExceedsOrdered', lineId: 'l1', ordered: 10, fulfilled: 11 });
  });

  it('cancels an order only while nothing of it was delivered', () => {
    const cancel: SalesOrderCommand = {
      kind: 'CancelOrder',
      orderId,
      cancelledOn: '2026-03-07' as never,
    };
    spec
      .given([placed()])
      .when(cancel)
      .then([{ type: 'OrderCancelled', data: { orderId, cancelledOn: '2026-03-07' as never } }]);
    spec
      .given([placed(), fulfilled(4)])
      .when(cancel)
      .thenFails({ kind: 'OrderPartlyFulfilled', orderId });
  });

  it('refuses to place the same order twice', () => {
    spec.given([placed()]).when(place()).thenFails({ kind: 'OrderAlreadyPlaced', orderId });
  });
});
