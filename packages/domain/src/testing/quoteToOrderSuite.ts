import { permitEveryoneInTests } from '@clientele/eventstore/testing';
import { oneAuthorizerForCommerce } from '../authorization/commerceAuthorizers.js';
import * as E from 'fp-ts/lib/Either.js';
import type { CommandContext, EventStore, ReactorRunner } from '@clientele/eventstore';
import { createInMemoryCheckpointStore } from '@clientele/eventstore';
import type { OpenEventStore } from '@clientele/eventstore/testing';
import { describe, expect, it } from 'vitest';
import type { ProductToCashServices } from '../quoteAcceptance/productToCashServices.js';
import { createProductToCashServices } from '../quoteAcceptance/productToCashServices.js';
import { createQuoteToOrderReactor } from '../quoteAcceptance/quoteToOrderReactor.js';
import { testContext } from './commandContexts.js';
import { collect, withStoreOpened } from './openedStore.js';

const must = async <T>(result: Promise<E.Either<unknown, T>>): Promise<T> => {
  const settled = await result;
  if (E.isLeft(settled)) throw new Error(JSON.stringify(settled.left));
  return settled.right;
};
const rep = (): CommandContext => testContext('2026-03-02T09:00:00.000Z');

/** A catalog of one product (a €120.00 seat, 20 % tax) in the `eu-smb` price list. */
export const seedCatalog = async (services: ProductToCashServices): Promise<void> => {
  await must(
    services.products.send(
      {
        kind: 'DefineProduct',
        productId: 'seat',
        sku: 'SEAT-STD',
        name: 'Seat',
        unit: 'seat',
        taxClass: 'standard',
      },
      testContext(),
    ),
  );
  await must(
    services.priceLists.send(
      {
        kind: 'CreatePriceList',
        priceListId: 'eu-smb',
        name: 'EU small business',
        currency: 'EUR',
        segment: 'smb',
        taxRates: { standard: 2_000, reduced: 550, zero: 0, exempt: 0 },
      },
      testContext(),
    ),
  );
  await must(
    services.priceLists.send(
      {
        kind: 'SetProductPrice',
        priceListId: 'eu-smb',
        productId: 'seat',
        unitPrice: { amountMinor: 12_000, currency: 'EUR' },
        effectiveFrom: '2026-01-01',
      },
      testContext(),
    ),
  );
};

/** Drafts, sends and accepts quote `quoteId` for `quantity` seats. */
export const acceptQuote = async (
  services: ProductToCashServices,
  quoteId: string,
  quantity: number,
): Promise<void> => {
  await must(
    services.quotes.request(
      {
        kind: 'DraftQuote',
        quoteId,
        customerId: 'cus-1',
        ownerId: 'rep-1',
        priceListId: 'eu-smb',
        quotedOn: '2026-03-02',
        validUntil: '2026-03-31',
        lines: [{ lineId: 'l1', productId: 'seat', quantity, discountBps: 500 }],
      },
      rep(),
    ),
  );
  await must(services.quotes.send({ kind: 'SendQuote', quoteId, sentOn: '2026-03-03' }, rep()));
  await must(
    services.quotes.send({ kind: 'AcceptQuote', quoteId, acceptedOn: '2026-03-05' }, rep()),
  );
};

/** Runs the reactor until it has handled `expected` events (PostgreSQL may hold the newest back). */
const processed = async (runner: ReactorRunner, expected: number): Promise<number> => {
  let handled = 0;
  for (let attempt = 0; attempt < 100 && handled < expected; attempt += 1) {
    handled += await runner.catchUp();
    if (handled < expected) await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return handled;
};

const orderStreams = async (store: EventStore): Promise<string[]> =>
  (await collect(store.readAll({ filter: { eventTypes: ['OrderPlaced'] } }))).map(
    (event) => event.streamName,
  );

/**
 * The quote-to-order checks, written once and run on every engine: an accepted quote becomes
 * exactly one order with the quote's lines and totals, whether the acceptance is delivered once,
 * twice, or replayed from the start of the log by a second runner.
 */
export const describeQuoteToOrder = (engineName: string, open: OpenEventStore): void => {
  describe(`${engineName}: quote to order`, () => {
    it('places one order per accepted quote, with the accepted lines and totals, under redelivery and replay', async () => {
      await withStoreOpened(open, async (store) => {
        const services = createProductToCashServices(store, {
          authorizers: oneAuthorizerForCommerce(permitEveryoneInTests()),
        });
        await seedCatalog(services);
        await acceptQuote(services, 'q-1', 3);
        await acceptQuote(services, 'q-2', 7);
        expect(await processed(services.quoteToOrder.runner, 2)).toBe(2);
        const [accepted] = await collect(
          store.readAll({ filter: { eventTypes: ['QuoteAccepted'] } }),
        );
        const outcome = await services.quoteToOrder.react(accepted!);
        expect(await services.quoteToOrder.react(accepted!)).toEqual(outcome);
        if (outcome.kind !== 'order') throw new Error('a one-off quote became a contract');
        const { orderId } = outcome;
        const replay = createQuoteToOrderReactor({
          store,
          checkpoints: createInMemoryCheckpointStore(),
          orders: services.orders,
          contracts: services.contracts,
          name: 'quote-to-order-replay',
        });
        expect(await processed(replay.runner, 2)).toBe(2);
        expect((await orderStreams(store)).sort()).toHaveLength(2);
        const order = await services.orders.load(orderId);
        const quote = await services.quotes.load('q-1');
        if (!('placed' in order) || !('drafted' in quote))
          throw new Error('missing order or quote');
        expect(order.quoteId).toBe('q-1');
        expect(order.totals).toEqual(quote.versions[0].totals);
        // 3 × €120.00 = €360.00, 5 % off = €342.00, 20 % tax = €68.40: €410.40.
        expect(order.totals.total.amountMinor).toBe(41_040);
      });
    });
  });
};
