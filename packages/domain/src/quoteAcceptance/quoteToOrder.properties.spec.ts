import { permitEveryoneInTests } from '@clientele/eventstore/testing';
import { oneAuthorizerForCommerce } from '../authorization/commerceAuthorizers.js';
import { createInMemoryCheckpointStore, createInMemoryEventStore } from '@clientele/eventstore';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collect } from '../testing/openedStore.js';
import { acceptQuote, seedCatalog } from '../testing/quoteToOrderSuite.js';
import { createProductToCashServices } from './productToCashServices.js';
import { createQuoteToOrderReactor } from './quoteToOrderReactor.js';

describe('quote to order properties', () => {
  it('gives every accepted quote exactly one order, with its totals, under any redelivery and replay', async () => {
    const scenario = fc.record({
      quantities: fc.array(fc.integer({ min: 1, max: 50 }), { minLength: 1, maxLength: 4 }),
      // Which acceptances are delivered again, in which order, and whether a second runner
      // replays the whole log from the start.
      redeliveries: fc.array(fc.nat(), { maxLength: 8 }),
      replay: fc.boolean(),
    });
    await fc.assert(
      fc.asyncProperty(scenario, async ({ quantities, redeliveries, replay }) => {
        const store = createInMemoryEventStore();
        const services = createProductToCashServices(store, {
          authorizers: oneAuthorizerForCommerce(permitEveryoneInTests()),
        });
        await seedCatalog(services);
        for (const [index, quantity] of quantities.entries()) {
          await acceptQuote(services, `q-${String(index)}`, quantity);
        }
        await services.quoteToOrder.runner.catchUp();
        const accepted = await collect(
          store.readAll({ filter: { eventTypes: ['QuoteAccepted'] } }),
        );
        for (const pick of redeliveries) {
          await services.quoteToOrder.react(accepted[pick % accepted.length]!);
        }
        if (replay) {
          await createQuoteToOrderReactor({
            store,
            checkpoints: createInMemoryCheckpointStore(),
            orders: services.orders,
            contracts: services.contracts,
            name: 'replay',
          }).runner.catchUp();
        }
        const placed = await collect(store.readAll({ filter: { eventTypes: ['OrderPlaced'] } }));
        expect(placed).toHaveLength(quantities.length);
        for (const [index] of quantities.entries()) {
          const quote = await services.quotes.load(`q-${String(index)}`);
          const orders = placed.filter(
            (event) => (event.data as { quoteId?: string }).quoteId === `q-${String(index)}`,
          );
          expect(orders).toHaveLength(1);
          if (!('drafted' in quote)) throw new Error('quote missing');
          expect((orders[0]?.data as { totals: unknown }).totals).toEqual(quote.versions[0].totals);
        }
      }),
      { numRuns: 25 },
    );
  });
});
