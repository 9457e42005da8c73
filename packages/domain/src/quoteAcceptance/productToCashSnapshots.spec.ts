import { createInMemoryEventStore, createInMemorySnapshotStore } from '@clientele/eventstore';
import { permitEveryoneInTests } from '@clientele/eventstore/testing';
import { describe, expect, it } from 'vitest';
import { oneAuthorizerForCommerce } from '../authorization/commerceAuthorizers.js';
import { PRICE_LIST_STATE_VERSION } from '../priceList/stateCodec.js';
import { PRODUCT_STATE_VERSION } from '../product/stateCodec.js';
import { QUOTE_STATE_VERSION } from '../quote/stateCodec.js';
import { SALES_ORDER_STATE_VERSION } from '../salesOrder/stateCodec.js';
import { collect } from '../testing/openedStore.js';
import { acceptQuote, seedCatalog } from '../testing/quoteToOrderSuite.js';
import { createProductToCashServices } from './productToCashServices.js';

const authorizers = oneAuthorizerForCommerce(permitEveryoneInTests());

describe('product-to-cash snapshots', () => {
  it('given snapshots every event, the catalog, quote and order entry points save them and load the same state as a full replay', async () => {
    const store = createInMemoryEventStore();
    const snapshots = createInMemorySnapshotStore();
    const services = createProductToCashServices(store, {
      authorizers,
      snapshots: { store: snapshots, every: 1 },
    });
    await seedCatalog(services);
    await acceptQuote(services, 'q-1', 4);
    await services.quoteToOrder.runner.catchUp();
    const [placed] = await collect(store.readAll({ filter: { eventTypes: ['OrderPlaced'] } }));
    if (placed === undefined) throw new Error('the accepted quote placed no order');

    for (const [stream, version] of [
      ['Product-seat', PRODUCT_STATE_VERSION],
      ['PriceList-eu-smb', PRICE_LIST_STATE_VERSION],
      ['Quote-q-1', QUOTE_STATE_VERSION],
      [placed.streamName, SALES_ORDER_STATE_VERSION],
    ] as const) {
      expect(await snapshots.load(stream, version), stream).toBeDefined();
    }
    const orderId = (placed.data as { orderId: string }).orderId;
    const replayed = createProductToCashServices(store, { authorizers });
    expect(await services.products.load('seat')).toEqual(await replayed.products.load('seat'));
    expect(await services.priceLists.load('eu-smb')).toEqual(
      await replayed.priceLists.load('eu-smb'),
    );
    expect(await services.quotes.load('q-1')).toEqual(await replayed.quotes.load('q-1'));
    expect(await services.orders.load(orderId)).toEqual(await replayed.orders.load(orderId));
  });
});
