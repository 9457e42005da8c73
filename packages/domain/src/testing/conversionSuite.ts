import * as E from 'fp-ts/lib/Either.js';
import { createInMemoryCheckpointStore } from '@clientele/eventstore';
import type { EventStore, ReactorRunner } from '@clientele/eventstore';
import type { OpenEventStore } from '@clientele/eventstore/testing';
import { describe, expect, it } from 'vitest';
import { createLeadConversionReactor } from '../reactors/leadConversionReactor.js';
import { testContext } from './commandContexts.js';
import { collect, withStoreOpened } from './openedStore.js';
import type { SalesServices } from '../history/salesServices.js';
import { createSalesServices } from '../history/salesServices.js';

const must = async <T>(result: Promise<E.Either<unknown, T>>): Promise<T> => {
  const settled = await result;
  if (E.isLeft(settled)) throw new Error(JSON.stringify(settled.left));
  return settled.right;
};

const convertLead = async (sales: SalesServices, leadId: string, contact: object) => {
  await must(
    sales.leads.handle({ kind: 'CaptureLead', leadId, source: 'referral', contact }, testContext()),
  );
  await must(sales.leads.handle({ kind: 'AssignLead', leadId, ownerId: 'rep-1' }, testContext()));
  await must(sales.leads.handle({ kind: 'QualifyLead', leadId, score: 70 }, testContext()));
  return must(
    sales.leads.handle(
      {
        kind: 'ConvertLead',
        leadId,
        opportunity: { name: 'First order', amount: { amountMinor: 250_000, currency: 'EUR' } },
      },
      testContext(),
    ),
  );
};

/**
 * Runs the reactor until it has handled `expected` events. An engine may hold back the newest
 * events while an older transaction is still open (PostgreSQL reads below the oldest running
 * one), so one catch-up can end before them.
 */
const processed = async (runner: ReactorRunner, expected: number): Promise<number> => {
  let handled = 0;
  for (let attempt = 0; attempt < 100 && handled < expected; attempt += 1) {
    handled += await runner.catchUp();
    if (handled < expected) await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return handled;
};

/** The streams of a category, once the log shows at least `atLeast` of them. */
const streamsOf = async (store: EventStore, category: string, atLeast = 1) => {
  const deadline = Date.now() + 5_000;
  for (;;) {
    const names = new Set(
      (await collect(store.readAll()))
        .map((event) => event.streamName)
        .filter((name) => name.startsWith(`${category}-`)),
    );
    if (names.size >= atLeast || Date.now() > deadline) return names;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};

/**
 * The lead conversion checks, written once and run on every engine: a conversion creates one
 * customer and one opportunity, attaches to a matching customer, and a redelivery or a replay
 * from scratch creates nothing twice.
 */
export const describeLeadConversion = (engineName: string, open: OpenEventStore): void => {
  describe(`${engineName}: lead conversion`, () => {
    it('creates one customer and one opportunity linked to it, with ids derived from the event', async () => {
      await withStoreOpened(open, async (store) => {
        const sales = createSalesServices(store);
        await convertLead(sales, 'lead-1', {
          name: 'Ada',
          email: 'ada@example.com',
          companyName: 'Analytical Engines',
        });
        expect(await processed(sales.conversion.runner, 1)).toBe(1);
        const [customerStream] = [...(await streamsOf(store, 'Customer'))];
        const [opportunityStream] = [...(await streamsOf(store, 'Opportunity'))];
        const customerId = customerStream!.slice('Customer-'.length);
        const customer = await sales.customers.load(customerId);
        expect('registered' in customer && customer).toMatchObject({
          kind: 'company',
          name: 'Analytical Engines',
          ownerId: 'rep-1',
          contacts: [{ subjectId: 'lead-1', name: 'Ada', email: 'ada@example.com' }],
        });
        const deal = await sales.opportunities.load(
          opportunityStream!.slice('Opportunity-'.length),
        );
        expect('opened' in deal && deal).toMatchObject({
          customerId,
          ownerId: 'rep-1',
          status: 'open',
        });
      });
    });

    it('names, from the ConvertLead outcome, the customer and the deal the conversion created', async () => {
      await withStoreOpened(open, async (store) => {
        const sales = createSalesServices(store);
        const outcome = await convertLead(sales, 'lead-1', { name: 'Ada', email: 'ada@x.example' });
        // Asked before the runner reaches the event, it carries the conversion out itself.
        const named = await sales.conversion.conversionOf(outcome);
        if (named === undefined) throw new Error('the outcome holds a conversion');
        expect(named.customerRegistered).toBe(true);
        expect(await streamsOf(store, 'Customer')).toEqual(
          new Set([`Customer-${named.customerId}`]),
        );
        expect(await streamsOf(store, 'Opportunity')).toEqual(
          new Set([`Opportunity-${named.opportunityId}`]),
        );
        // The runner then finds it done, and the outcome, sent as JSON, names the same.
        await processed(sales.conversion.runner, 1);
        const sent = JSON.parse(JSON.stringify(outcome)) as typeof outcome;
        expect(await sales.conversion.conversionOf(sent)).toEqual(named);
        expect((await streamsOf(store, 'Customer')).size).toBe(1);
      });
    });

    it('never creates a second customer or opportunity when the event is delivered twice or replayed', async () => {
      await withStoreOpened(open, async (store) => {
        const sales = createSalesServices(store);
        await convertLead(sales, 'lead-1', { name: 'Ada', email: 'ada@example.com' });
        await convertLead(sales, 'lead-2', { name: 'Bob' });
        await processed(sales.conversion.runner, 2);
        const [converted] = await collect(
          store.readAll({ filter: { eventTypes: ['LeadConverted'] } }),
        );
        const first = await sales.conversion.react(converted!);
        // A redelivery answers with the same customer and deal, which exist once each.
        expect(await sales.conversion.react(converted!)).toEqual(first);
        expect(await streamsOf(store, 'Customer', 2)).toContain(`Customer-${first.customerId}`);
        expect(await streamsOf(store, 'Opportunity', 2)).toContain(
          `Opportunity-${first.opportunityId}`,
        );
        const replay = createLeadConversionReactor({
          store,
          checkpoints: createInMemoryCheckpointStore(),
          customers: sales.customers,
          opportunities: sales.opportunities,
          defaultCurrency: 'EUR',
          name: 'lead-conversion-replay',
        });
        expect(await processed(replay.runner, 2)).toBe(2);
        expect((await streamsOf(store, 'Customer', 2)).size).toBe(2);
        expect((await streamsOf(store, 'Opportunity', 2)).size).toBe(2);
      });
    });

    it('attaches the conversion to the existing customer holding the lead email instead of duplicating it', async () => {
      await withStoreOpened(open, async (store) => {
        const sales = createSalesServices(store);
        await must(
          sales.customers.handle(
            {
              kind: 'RegisterCustomer',
              customerId: 'cus-1',
              customerKind: 'person',
              name: 'Ada',
              emails: ['ada@example.com'],
            },
            testContext(),
          ),
        );
        const outcome = await convertLead(sales, 'lead-1', { email: 'Ada@Example.com' });
        await processed(sales.conversion.runner, 1);
        expect(await sales.conversion.conversionOf(outcome)).toMatchObject({
          customerId: 'cus-1',
          customerRegistered: false,
        });
        // The reactor registers a customer before it opens the deal: once the deal shows, so would
        // a second customer.
        const [opportunityStream] = [...(await streamsOf(store, 'Opportunity'))];
        expect(await streamsOf(store, 'Customer')).toEqual(new Set(['Customer-cus-1']));
        const deal = await sales.opportunities.load(
          opportunityStream!.slice('Opportunity-'.length),
        );
        expect('opened' in deal && deal.customerId).toBe('cus-1');
      });
    });

    it('attaches to the survivor when the matched customer was merged away before conversion', async () => {
      await withStoreOpened(open, async (store) => {
        const sales = createSalesServices(store);
        const register = (customerId: string, email: string) =>
          must(
            sales.customers.handle(
              {
                kind: 'RegisterCustomer',
                customerId,
                customerKind: 'person',
                name: 'Ada',
                emails: [email],
              },
              testContext(),
            ),
          );
        await register('cus-old', 'ada@example.com');
        await register('cus-new', 'ada.l@example.com');
        await must(
          sales.leads.handle(
            {
              kind: 'CaptureLead',
              leadId: 'lead-1',
              source: 'referral',
              contact: { email: 'ada@example.com' },
            },
            testContext(),
          ),
        );
        await must(sales.customers.merge('cus-old', 'cus-new', testContext()));
        await must(
          sales.leads.handle({ kind: 'QualifyLead', leadId: 'lead-1', score: 90 }, testContext()),
        );
        await must(
          sales.leads.handle(
            { kind: 'ConvertLead', leadId: 'lead-1', opportunity: { name: 'Renewal' } },
            testContext(),
          ),
        );
        await processed(sales.conversion.runner, 1);
        const [opportunityStream] = [...(await streamsOf(store, 'Opportunity'))];
        const deal = await sales.opportunities.load(
          opportunityStream!.slice('Opportunity-'.length),
        );
        expect('opened' in deal && deal.customerId).toBe('cus-new');
      });
    });
  });
};
