import { createReadStream } from 'node:fs';
import * as E from 'fp-ts/lib/Either.js';
import type { EventStore } from '@clientele/eventstore';
import { createInMemoryCheckpointStore, createInMemoryEventStore } from '@clientele/eventstore';
import { expect, it } from 'vitest';
import { createLeadConversionReactor } from '../src/reactors/leadConversionReactor.js';
import { createCustomerService } from '../src/customer/customerService.js';
import { createLeadService } from '../src/lead/leadService.js';
import { importOlist, mapOlistDealRow, mapOlistLeadRow } from '../src/mappings/olist/index.js';
import { createOpportunityService } from '../src/opportunity/opportunityService.js';
import { datasetUrl, datasetsUnavailable } from '../../../test/support/datasets.js';
import { describeWhenAvailable } from '../../../test/support/requireService.js';
import { permitEveryoneInTests } from '@clientele/eventstore/testing';

const DIR = datasetUrl('olist-marketing-funnel/');
const LEADS = new URL('olist_marketing_qualified_leads_dataset.csv', DIR);
const DEALS = new URL('olist_closed_deals_dataset.csv', DIR);

/*
 * Expected figures computed independently of this code, by a short Python script over the raw
 * CSVs (csv.DictReader): 8,000 MQLs; 842 closed deals, each joining one distinct MQL. Each deal
 * assigns, qualifies and converts its lead; the conversion registers one customer and opens one
 * deal, which is won.
 */
const EXPECTED_EVENTS = {
  LeadCaptured: 8_000,
  LeadAssigned: 842,
  LeadQualified: 842,
  LeadConverted: 842,
  CustomerRegistered: 842,
  OpportunityOpened: 842,
  OpportunityWon: 842,
};

const olistTarget = (store: EventStore) => {
  const leads = createLeadService(store, { authorize: permitEveryoneInTests() });
  const customers = createCustomerService(store, {
    authorize: permitEveryoneInTests(),
    tenantId: 'olist',
    tenantKey: 'k',
  });
  const opportunities = createOpportunityService(store, { authorize: permitEveryoneInTests() });
  const conversion = createLeadConversionReactor({
    store,
    checkpoints: createInMemoryCheckpointStore(),
    customers,
    opportunities,
    defaultCurrency: 'BRL',
  });
  return { leads, opportunities, store, convert: conversion.react };
};

const countEvents = async (store: EventStore): Promise<Record<string, number>> => {
  const counts: Record<string, number> = {};
  for await (const event of store.readAll()) counts[event.type] = (counts[event.type] ?? 0) + 1;
  return counts;
};

describeWhenAvailable('Olist marketing funnel import', datasetsUnavailable(), () => {
  it('imports all 8,000 MQLs and 842 deals through the entry points with exact event counts, and a second import changes nothing', async () => {
    const store = createInMemoryEventStore();
    const target = olistTarget(store);
    const run = () =>
      importOlist(
        createReadStream(LEADS, { encoding: 'utf8' }),
        createReadStream(DEALS, { encoding: 'utf8' }),
        target,
      );
    const first = await run();
    expect(first.rejected).toEqual([]);
    expect(first.rows).toBe(8_842);
    expect(first.commandsAccepted).toBe(8_000 + 4 * 842);
    expect(await countEvents(store)).toEqual(EXPECTED_EVENTS);

    const again = await run();
    expect(again.rejected).toEqual([]);
    expect(again.events).toEqual({});
    expect(again.commandsUnchanged).toBe(8_000 + 4 * 842);
    expect(await countEvents(store)).toEqual(EXPECTED_EVENTS);
  });

  it('captures a lead with an empty origin from the source unknown, at the start of its first-contact day in São Paulo', () => {
    const mapped = mapOlistLeadRow(
      {
        mql_id: 'dac32acd4db4c29c230538b72f8dd87d',
        first_contact_date: '2018-02-01',
        landing_page_id: '88740e65d5d6b056e0cda098e1ea6313',
        origin: '',
      },
      2,
    );
    expect(E.isRight(mapped) && mapped.right.command).toEqual({
      kind: 'CaptureLead',
      leadId: 'olist-mql-dac32acd4db4c29c230538b72f8dd87d',
      source: 'unknown',
    });
    expect(E.isRight(mapped) && mapped.right.context.occurredAt).toBe('2018-02-01T00:00:00-02:00');
  });

  it('rejects a deal with a malformed won date, naming the line and the field', () => {
    const mapped = mapOlistDealRow(
      {
        mql_id: '5420aad7fec3549a85876ba1c529bd84',
        sdr_id: 'a8387c01a09e99ce014107505b92388c',
        sr_id: '4ef15afb4b2723d8f3d81e51ec7afefe',
        won_date: '26/02/2018',
        business_segment: 'pet',
      },
      5,
    );
    expect(mapped).toEqual(
      E.left({
        lineNumber: 5,
        problems: ['won_date: expected OlistTimestamp, got "26/02/2018"'],
      }),
    );
  });
});
