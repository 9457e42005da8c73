import fc from 'fast-check';
import { describe, it } from 'vitest';
import { eur, pricedSeatLine } from '../testing/quoteFixtures.js';
import { assertReplayDeterminism, startingWith } from '../testing/replayProperty.js';
import type { SalesOrderCommand } from './commands.js';
import { salesOrderDecider } from './decide.js';
import { SalesOrderEvent } from './events.js';
import { SalesOrderStateCodec } from './stateCodec.js';

const day = (d: number) => `2026-03-${String(d).padStart(2, '0')}` as never;
// Two lines of 10 seats at €120.00 with 20 % tax: the totals are the sums of the lines.
const lines = [pricedSeatLine(0, 'l1'), pricedSeatLine(0, 'l2')];
const totals = { net: eur(240_000), tax: eur(48_000), total: eur(288_000) };
// Mostly deliveries, so that many orders are delivered in full.
const place = fc.constantFrom('none', 'warn', 'block').map(
  (policy) =>
    ({
      kind: 'PlaceOrder',
      orderId: 'so',
      customerId: 'cus-1',
      ownerId: 'rep-1',
      currency: 'EUR',
      orderedOn: day(2),
      lines,
      totals,
      // Over the limit half the time, so some orders start on credit hold.
      ...(policy === 'none'
        ? {}
        : { creditCheck: { creditLimit: eur(100_000), outstanding: eur(0), policy } }),
    }) as unknown as SalesOrderCommand,
);
const fulfil = fc
  .record({ line: fc.constantFrom('l1', 'l2'), quantity: fc.constantFrom(2, 5, 5, 10) })
  .map(
    ({ line, quantity }) =>
      ({
        kind: 'FulfilOrderLine',
        orderId: 'so',
        lineId: line,
        quantity,
        fulfilledOn: day(10),
      }) as unknown as SalesOrderCommand,
  );
const release = fc.constant<SalesOrderCommand>({
  kind: 'ReleaseOrderCreditHold',
  orderId: 'so',
  releasedBy: 'fin-1',
  releasedOn: day(3),
});
const cancel = fc.constant<SalesOrderCommand>({
  kind: 'CancelOrder',
  orderId: 'so',
  cancelledOn: day(4),
});

describe('sales order properties', () => {
  it('a snapshot taken anywhere in an order history, plus the events after it, equals the full replay', () => {
    assertReplayDeterminism(
      salesOrderDecider,
      SalesOrderEvent,
      startingWith(
        place,
        fc.oneof(fulfil, fulfil, fulfil, fulfil, fulfil, fulfil, release, cancel),
        {
          minLength: 6,
          maxLength: 16,
        },
      ),
      {
        numRuns: 100,
        minEvents: 2,
        mustReach: { OrderLineFulfilled: 0.3, OrderFulfilled: 0.05, OrderCreditHoldReleased: 0.05 },
        stateCodec: SalesOrderStateCodec,
      },
    );
  });
});
