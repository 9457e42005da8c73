import { permitEveryoneInTests } from '@clientele/eventstore/testing';
import { oneAuthorizerForCommerce } from '../authorization/commerceAuthorizers.js';
import * as E from 'fp-ts/lib/Either.js';
import { createInMemoryEventStore } from '@clientele/eventstore';
import { describe, expect, it } from 'vitest';
import { createProductToCashServices } from '../quoteAcceptance/productToCashServices.js';
import { testContext } from '../testing/commandContexts.js';
import { seedCatalog } from '../testing/quoteToOrderSuite.js';
import { createQuoteExpiry } from './quoteExpiry.js';

describe('quote expiry', () => {
  it('expires a sent quote once the clock passes its validity, once, and an accepted one never', async () => {
    const store = createInMemoryEventStore();
    const services = createProductToCashServices(store, {
      authorizers: oneAuthorizerForCommerce(permitEveryoneInTests()),
    });
    await seedCatalog(services);
    for (const quoteId of ['q-open', 'q-won']) {
      const drafted = await services.quotes.request(
        {
          kind: 'DraftQuote',
          quoteId,
          customerId: 'cus-1',
          ownerId: 'rep-1',
          priceListId: 'eu-smb',
          quotedOn: '2026-03-02',
          validUntil: '2026-03-31',
          lines: [{ lineId: 'l1', productId: 'seat', quantity: 2 }],
        },
        testContext(),
      );
      expect(E.isRight(drafted)).toBe(true);
      await services.quotes.send(
        { kind: 'SendQuote', quoteId, sentOn: '2026-03-03' },
        testContext(),
      );
    }
    await services.quotes.send(
      { kind: 'AcceptQuote', quoteId: 'q-won', acceptedOn: '2026-03-10' },
      testContext(),
    );
    let today = '2026-03-31';
    const expiry = () =>
      createQuoteExpiry({ store, quotes: services.quotes, clock: { today: () => today } });
    const first = expiry();
    await first.catchUp();
    expect(await first.expireDue()).toBe(0);
    today = '2026-04-01';
    expect(await first.expireDue()).toBe(1);
    const second = expiry();
    await second.catchUp();
    expect(await second.expireDue()).toBe(0);
    const [open, won] = [await services.quotes.load('q-open'), await services.quotes.load('q-won')];
    expect(['drafted' in open && open.status, 'drafted' in won && won.status]).toEqual([
      'expired',
      'accepted',
    ]);
  });
});
