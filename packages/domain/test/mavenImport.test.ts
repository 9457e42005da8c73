import { createReadStream } from 'node:fs';
import * as E from 'fp-ts/lib/Either.js';
import type { CommandContext } from '@clientele/eventstore';
import { createInMemoryEventStore } from '@clientele/eventstore';
import { describe, expect, it } from 'vitest';
import type { CsvRecord } from '../src/mappings/csv/parseCsv.js';
import { readCsvRecords } from '../src/mappings/csv/parseCsv.js';
import {
  createMavenMapping,
  createMavenOrganizationMapping,
  mapMavenAccountRow,
  mavenPriceList,
} from '../src/mappings/maven/index.js';
import { createCustomerService } from '../src/customer/customerService.js';
import { createOpportunityService } from '../src/opportunity/opportunityService.js';
import { createSalesOrganizationService } from '../src/salesOrganization/salesOrganizationService.js';

const DIR = new URL('../../../../shared/datasets/maven-crm-sales-opportunities/', import.meta.url);

const read = async (name: string): Promise<CsvRecord[]> => {
  const rows: CsvRecord[] = [];
  for await (const record of readCsvRecords(
    createReadStream(new URL(name, DIR), { encoding: 'utf8' }),
  )) {
    rows.push(record);
  }
  return rows;
};

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

type Handle = (
  command: unknown,
  context: CommandContext,
) => Promise<
  E.Either<unknown, { readonly events: readonly { type: string }[]; duplicate: boolean }>
>;

describe('Maven CRM pipeline import', () => {
  it('maps every row of the four files onto commands the entry points accept, with exact event counts, and a second import changes nothing', async () => {
    const [teams, accounts, products, pipeline] = await Promise.all(
      ['sales_teams.csv', 'accounts.csv', 'products.csv', 'sales_pipeline.csv'].map(read),
    );
    expect(pipeline).toHaveLength(8_800);
    const prices = mavenPriceList(products ?? []);
    if (E.isLeft(prices)) throw new Error(JSON.stringify(prices.left));

    const store = createInMemoryEventStore();
    const organization = createSalesOrganizationService(store);
    const customers = createCustomerService({ store, tenantId: 'maven', tenantKey: 'k' });
    const opportunities = createOpportunityService(store);

    const importAll = async () => {
      const organizationMapping = createMavenOrganizationMapping();
      const dealMapping = createMavenMapping({
        prices: prices.right,
        accounts: new Set((accounts ?? []).map((row) => row.values['account'] ?? '')),
      });
      const problems: string[] = [];
      const counts: Record<string, number> = {};
      let duplicates = 0;
      const send = async (
        handle: Handle,
        mapped: E.Either<
          { lineNumber: number; problems: readonly string[] },
          readonly { lineNumber: number; command: unknown; context: CommandContext }[]
        >,
      ) => {
        if (E.isLeft(mapped)) {
          problems.push(`line ${mapped.left.lineNumber}: ${mapped.left.problems.join('; ')}`);
          return;
        }
        for (const row of mapped.right) {
          const result = await handle(row.command, row.context);
          if (E.isLeft(result)) {
            problems.push(`line ${row.lineNumber}: ${JSON.stringify(result.left)}`);
            return;
          }
          if (result.right.duplicate) duplicates += 1;
          for (const event of result.right.events)
            counts[event.type] = (counts[event.type] ?? 0) + 1;
        }
      };
      for (const row of teams ?? [])
        await send(organization.handle, organizationMapping.mapRow(row.values, row.lineNumber));
      for (const row of accounts ?? [])
        await send(
          customers.handle,
          E.map((mapped) => [mapped])(mapMavenAccountRow(row.values, row.lineNumber)),
        );
      for (const row of pipeline ?? [])
        await send(opportunities.handle, dealMapping.mapRow(row.values, row.lineNumber));
      return { problems, counts, duplicates };
    };

    const first = await importAll();
    expect(first.problems).toEqual([]);
    expect(first.counts).toEqual(EXPECTED_EVENTS);
    expect(first.duplicates).toBe(0);

    const again = await importAll();
    expect(again.problems).toEqual([]);
    expect(again.counts).toEqual({});
    // Every command of the first import is recognised by its id: 50 set-up, 85 accounts, and
    // 8,800 + 8,300 + 4,238 + 2,473 deal commands.
    expect(again.duplicates).toBe(50 + 85 + 8_800 + 8_300 + 4_238 + 2_473);
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
