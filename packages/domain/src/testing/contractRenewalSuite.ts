import { permitEveryoneInTests } from '@clientele/eventstore/testing';
import { oneAuthorizerForCommerce } from '../authorization/commerceAuthorizers.js';
import * as E from 'fp-ts/lib/Either.js';
import type { EventStore } from '@clientele/eventstore';
import type { OpenEventStore } from '@clientele/eventstore/testing';
import { describe, expect, it } from 'vitest';
import { createOpportunityService } from '../opportunity/opportunityService.js';
import { createProductToCashServices } from '../quoteAcceptance/productToCashServices.js';
import type { ProductToCashServices } from '../quoteAcceptance/productToCashServices.js';
import { createContractRenewals } from '../renewal/contractRenewals.js';
import { testContext } from './commandContexts.js';
import { collect, settledLog, withStoreOpened } from './openedStore.js';
import { seedCatalog } from './quoteToOrderSuite.js';

const must = async <T>(result: Promise<E.Either<unknown, T>>): Promise<T> => {
  const settled = await result;
  if (E.isLeft(settled)) throw new Error(JSON.stringify(settled.left));
  return settled.right;
};

/** Accepts a yearly subscription quote for 5 seats from 2026-02-01, notice 30 days, auto-renewed. */
export const acceptSubscription = async (services: ProductToCashServices): Promise<void> => {
  await must(
    services.quotes.request(
      {
        kind: 'DraftQuote',
        quoteId: 'q-sub',
        customerId: 'cus-1',
        ownerId: 'rep-1',
        priceListId: 'eu-smb',
        quotedOn: '2026-01-02',
        validUntil: '2026-01-31',
        lines: [{ lineId: 'l1', productId: 'seat', quantity: 5 }],
        subscription: {
          startOn: '2026-02-01',
          termMonths: 12,
          autoRenew: true,
          noticeDays: 30,
          billing: 'monthly',
        },
      },
      testContext(),
    ),
  );
  await must(
    services.quotes.send(
      { kind: 'SendQuote', quoteId: 'q-sub', sentOn: '2026-01-03' },
      testContext(),
    ),
  );
  await must(
    services.quotes.send(
      { kind: 'AcceptQuote', quoteId: 'q-sub', acceptedOn: '2026-01-05' },
      testContext(),
    ),
  );
};

const opportunityStreams = async (store: EventStore) =>
  (await collect(store.readAll({ filter: { eventTypes: ['OpportunityOpened'] } }))).length;

/**
 * The contract renewal checks, written once and run on every engine: a subscription quote becomes
 * a contract; the renewal opportunity of a term opens once, however often and by however many
 * reactors it is asked for; an auto-renewed contract renews term after term, and one under notice
 * ends with the term the notice allows.
 */
export const describeContractRenewals = (engineName: string, open: OpenEventStore): void => {
  describe(`${engineName}: contract renewals`, () => {
    it('opens one renewal opportunity per term, renews automatically, and ends a contract under notice', async () => {
      await withStoreOpened(open, async (store) => {
        const services = createProductToCashServices(store, {
          authorizers: oneAuthorizerForCommerce(permitEveryoneInTests()),
        });
        await seedCatalog(services);
        await acceptSubscription(services);
        await settledLog(store, 6);
        await services.quoteToOrder.runner.catchUp();
        await settledLog(store, 7);
        let today = '2026-11-01';
        const renewals = () =>
          createContractRenewals({
            store,
            contracts: services.contracts,
            opportunities: createOpportunityService(store, { authorize: permitEveryoneInTests() }),
            clock: { today: () => today },
          });
        const first = renewals();
        await first.catchUp();
        expect(await first.openRenewalOpportunities()).toBe(0);
        today = '2026-12-15';
        expect(await first.openRenewalOpportunities()).toBe(1);
        expect(await first.openRenewalOpportunities()).toBe(0);
        const second = renewals();
        await second.catchUp();
        expect(await second.openRenewalOpportunities()).toBe(0);
        expect(await opportunityStreams(store)).toBe(1);

        today = '2027-02-01';
        expect(await first.renewOrEndDue()).toBe(1);
        expect(await second.renewOrEndDue()).toBe(0);
        await settledLog(store, 9);
        await first.catchUp();
        today = '2027-12-15';
        expect(await first.openRenewalOpportunities()).toBe(1);
        await must(
          services.contracts.send(
            {
              kind: 'GiveContractNotice',
              contractId: (await contractId(store)) as string,
              noticeGivenOn: '2027-12-20',
            },
            testContext(),
          ),
        );
        await settledLog(store, 11);
        await first.catchUp();
        today = '2028-02-02';
        expect(await first.renewOrEndDue()).toBe(1);
        const contract = await services.contracts.load((await contractId(store)) as string);
        expect('started' in contract && [contract.term, contract.status]).toEqual([2, 'ended']);
        expect(await opportunityStreams(store)).toBe(2);
      });
    });
  });
};

const contractId = async (store: EventStore): Promise<string | undefined> => {
  const [started] = await collect(store.readAll({ filter: { eventTypes: ['ContractStarted'] } }));
  return started?.streamName.slice('Contract-'.length);
};
