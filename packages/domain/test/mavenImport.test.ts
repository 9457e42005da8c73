import { createReadStream } from 'node:fs';
import * as E from 'fp-ts/lib/Either.js';
import type { EventStore } from '@clientele/eventstore';
import { createInMemoryEventStore } from '@clientele/eventstore';
import { expect, it } from 'vitest';
import { createMavenMapping, importMaven } from '../src/mappings/maven/index.js';
import { createCustomerService } from '../src/customer/customerService.js';
import { createOpportunityService } from '../src/opportunity/opportunityService.js';
import { createSalesOrganizationService } from '../src/salesOrganization/salesOrganizationService.js';
import { datasetUrl, datasetsUnavailable } from '../../../test/support/datasets.js';
import { describeWhenAvailable } from '../../../test/support/requireService.js';
import { permitEveryoneInTests } from '@clientele/eventstore/testing';

const DIR = datasetUrl('maven-crm-sales-opportunities/');

const open = (name: string) => createReadStream(new URL(name, DIR), { encoding: 'utf8' });

/*
 * Expected figures computed independently of this code, by a short Python script over the raw
 * CSVs (csv.DictReader; Counter of deal_stage; distinct regional_office and manager of
 * sales_teams.csv): 3 offices, 6 managers (one team each), 35 agents, 85 accounts, 8,800 deals
 * of which 500 Prospecting (no stage move), 4,238 Won and 2,473 Lost.
 */
const EXPECTED_EVENTS = {
  RegionalOfficeOpened: 3,
  SalesTeamFormed: 6,
  TeamManagerAppointed: 6,
  RepJoinedTeam: 35,
  CustomerRegistered: 85,
  OpportunityOpened: 8_800,
  OpportunityStageChanged: 8_300,
  OpportunityWon: 4_238,
  OpportunityLost: 2_473,
};

/** One event per command: every command of the first import changes something. */
const COMMANDS = Object.values(EXPECTED_EVENTS).reduce((sum, n) => sum + n, 0);

const countEvents = async (store: EventStore): Promise<Record<string, number>> => {
  const counts: Record<string, number> = {};
  for await (const event of store.readAll()) counts[event.type] = (counts[event.type] ?? 0) + 1;
  return counts;
};

describeWhenAvailable('Maven CRM pipeline import', datasetsUnavailable(), () => {
  it('maps every row of the four files onto commands the entry points accept, with exact event counts, and a second import changes nothing', async () => {
    const store = createInMemoryEventStore();
    const target = {
      organization: createSalesOrganizationService(store, { authorize: permitEveryoneInTests() }),
      customers: createCustomerService(store, {
        authorize: permitEveryoneInTests(),
        tenantId: 'maven',
        tenantKey: 'k',
      }),
      opportunities: createOpportunityService(store, { authorize: permitEveryoneInTests() }),
    };
    const run = () =>
      importMaven(
        {
          pipeline: open('sales_pipeline.csv'),
          teams: open('sales_teams.csv'),
          accounts: open('accounts.csv'),
          products: open('products.csv'),
        },
        target,
      );

    const first = await run();
    expect(first.rejected).toEqual([]);
    expect(first.rows).toBe(35 + 85 + 7 + 8_800);
    expect(first.commandsAccepted).toBe(COMMANDS);
    expect(first.events).toEqual(EXPECTED_EVENTS);
    expect(await countEvents(store)).toEqual(EXPECTED_EVENTS);

    const again = await run();
    expect(again.rejected).toEqual([]);
    expect(again.events).toEqual({});
    // Every command of the first import is recognised by its id and appends nothing.
    expect(again.commandsUnchanged).toBe(COMMANDS);
    expect(await countEvents(store)).toEqual(EXPECTED_EVENTS);
  });

  it('names the set-up file of a rejected set-up row, whose line numbers the pipeline shares', async () => {
    const store = createInMemoryEventStore();
    const report = await importMaven(
      {
        pipeline: [
          'opportunity_id,sales_agent,product,account,deal_stage,engage_date,close_date,close_value\n',
        ],
        teams: ['sales_agent,manager,regional_office\nAnna Snelling,Dustin Brinkmann,Central\n'],
        accounts: [
          'account,sector,year_established,revenue,employees,office_location,subsidiary_of\nAcme,,1996,1,2,United States,\n',
        ],
        products: ['product,series,sales_price\nGTX Basic,GTX,550\n'],
      },
      {
        organization: createSalesOrganizationService(store, { authorize: permitEveryoneInTests() }),
        customers: createCustomerService(store, {
          authorize: permitEveryoneInTests(),
          tenantId: 'maven',
          tenantKey: 'k',
        }),
        opportunities: createOpportunityService(store, { authorize: permitEveryoneInTests() }),
      },
    );
    expect(report.rejected).toEqual([
      { lineNumber: 2, problems: ['accounts.csv: sector: expected NonEmptyName, got ""'] },
    ]);
  });

  it('prices the pipeline’s GTXPro at the list price of products.csv’s GTX Pro, in cents', () => {
    const mapping = createMavenMapping({
      prices: new Map([['GTXPro', 4_821]]),
      accounts: new Set(['Isdom']),
    });
    const mapped = mapping.mapRow(
      {
        opportunity_id: 'Z063OYW0',
        sales_agent: 'Darcel Schlecht',
        product: 'GTXPro',
        account: 'Isdom',
        deal_stage: 'Won',
        engage_date: '2016-10-25',
        close_date: '2017-03-11',
        close_value: '4514',
      },
      3,
    );
    expect(E.isRight(mapped) && mapped.right.map((row) => row.command)).toEqual([
      expect.objectContaining({
        kind: 'OpenOpportunity',
        amount: { amountMinor: 482_100, currency: 'USD' },
        customerId: 'maven-account-isdom',
        ownerId: 'maven-rep-darcel-schlecht',
      }),
      {
        kind: 'MoveOpportunityStage',
        opportunityId: 'maven-opportunity-Z063OYW0',
        toStageId: 'engaging',
      },
      {
        kind: 'MarkOpportunityWon',
        opportunityId: 'maven-opportunity-Z063OYW0',
        wonOn: '2017-03-11',
        finalAmount: { amountMinor: 451_400, currency: 'USD' },
      },
    ]);
  });

  it('rejects a won deal without a close date, naming the line and the fields', () => {
    const mapping = createMavenMapping({
      prices: new Map([['MGSpecial', 55]]),
      accounts: new Set(),
    });
    const mapped = mapping.mapRow(
      {
        opportunity_id: 'ABC123',
        sales_agent: 'Moses Frase',
        product: 'MG Special',
        account: '',
        deal_stage: 'Won',
        engage_date: '2016-10-20',
        close_date: '',
        close_value: '',
      },
      9,
    );
    expect(mapped).toEqual(
      E.left({ lineNumber: 9, problems: ['close_date, close_value: required for a Won deal'] }),
    );
  });
});
