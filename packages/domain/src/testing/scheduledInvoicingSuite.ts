import { permitEveryoneInTests } from '@clientele/eventstore/testing';
import { oneAuthorizerForCommerce } from '../authorization/commerceAuthorizers.js';
import type { EventStore } from '@clientele/eventstore';
import type { OpenEventStore } from '@clientele/eventstore/testing';
import { describe, expect, it } from 'vitest';
import { createScheduledInvoicing } from '../billing/scheduledInvoicing.js';
import { createInvoiceService } from '../invoice/invoiceService.js';
import { createProductToCashServices } from '../quoteAcceptance/productToCashServices.js';
import { acceptSubscription } from './contractRenewalSuite.js';
import { collect, settledLog, withStoreOpened } from './openedStore.js';
import { acceptQuote, seedCatalog } from './quoteToOrderSuite.js';

/** Invoice totals by the source (order or contract) their sale lines bill. */
const billedBySource = async (store: EventStore): Promise<Record<string, number>> => {
  const billed: Record<string, number> = {};
  for (const event of await collect(store.readAll({ filter: { eventTypes: ['InvoiceIssued'] } }))) {
    const data = event.data as { total: { amountMinor: number }; saleLines?: { source: string }[] };
    const source = data.saleLines?.[0]?.source ?? 'none';
    billed[source] = (billed[source] ?? 0) + data.total.amountMinor;
  }
  return billed;
};

/**
 * The scheduled invoicing checks, written once and run on every engine: an order is invoiced on
 * its day, a contract term month by month; the invoices of a schedule add up to the order or term
 * exactly; asking again, or asking a second reactor, issues nothing twice.
 */
export const describeScheduledInvoicing = (engineName: string, open: OpenEventStore): void => {
  describe(`${engineName}: scheduled invoicing`, () => {
    it('issues each installment once, on its day, and the invoices add up to the order and the contract term', async () => {
      await withStoreOpened(open, async (store) => {
        const services = createProductToCashServices(store, {
          authorizers: oneAuthorizerForCommerce(permitEveryoneInTests()),
        });
        await seedCatalog(services);
        await acceptQuote(services, 'q-1', 3);
        await acceptSubscription(services);
        await settledLog(store, 9);
        await services.quoteToOrder.runner.catchUp();
        await settledLog(store, 11);
        let today = '2026-03-10';
        const invoicing = () =>
          createScheduledInvoicing({
            store,
            invoices: createInvoiceService(store, { authorize: permitEveryoneInTests() }),
            clock: { today: () => today },
          });
        const first = invoicing();
        await first.catchUp();
        expect(await first.issueDue()).toEqual({ issued: 3, refused: [] });
        expect(await first.issueDue()).toEqual({ issued: 0, refused: [] });
        const second = invoicing();
        await second.catchUp();
        expect(await second.issueDue()).toEqual({ issued: 0, refused: [] });
        today = '2027-01-31';
        expect(await second.issueDue()).toEqual({ issued: 10, refused: [] });
        // 3 seats: €410.40; a year of 5 seats: 5 × €120.00 + 20 % = €720.00, in 12 invoices.
        await settledLog(store, 24);
        expect(await billedBySource(store)).toEqual({ order: 41_040, contract: 72_000 });
      });
    });
  });
};
