import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import * as E from 'fp-ts/lib/Either.js';
import {
  createOpportunityService,
  createSalesOrganizationService,
  readCsvRecords,
} from '@clientele/domain';
import type { EventStore } from '@clientele/eventstore';

/**
 * Imports the Maven CRM sample through the domain's command entry points. The domain has no shared
 * Maven mapping module yet, so the row-to-command mapping lives here, for this check only: each
 * manager's team is a team of the agent's regional office from 2016-01-01; each opportunity is
 * opened on its engage date (Engaging ones moved to qualification) and won at its close value or
 * lost on its close date. Amounts are whole US dollars, so minor units are × 100.
 */
const DATASET = new URL(
  '../../../../../shared/datasets/maven-crm-sales-opportunities/',
  import.meta.url,
);
const ORGANIZATION = 'maven';
const FROM = '2016-01-01';

const rows = async (file: string): Promise<Record<string, string>[]> => {
  const all: Record<string, string>[] = [];
  for await (const record of readCsvRecords(
    createReadStream(new URL(file, DATASET), { encoding: 'utf8' }),
  )) {
    all.push({ ...record.values });
  }
  return all;
};

const context = (day: string) => ({
  commandId: randomUUID(),
  actor: { id: 'maven-import', role: 'admin' },
  occurredAt: `${day}T12:00:00.000Z`,
});

/** Imports the sample; returns every command the domain refused (none expected). */
export const importMaven = async (store: EventStore): Promise<string[]> => {
  const problems: string[] = [];
  const send = async (
    service: {
      handle: (c: unknown, x: ReturnType<typeof context>) => Promise<E.Either<unknown, unknown>>;
    },
    command: object,
    day: string,
  ) => {
    const result = await service.handle(command, context(day));
    if (E.isLeft(result))
      problems.push(`${JSON.stringify(command)}: ${JSON.stringify(result.left)}`);
  };
  const organization = createSalesOrganizationService(store);
  const opportunities = createOpportunityService(store);
  const teams = await rows('sales_teams.csv');
  const org = (kind: string, fields: object) =>
    send(organization, { kind, organizationId: ORGANIZATION, ...fields }, FROM);
  for (const office of new Set(teams.map((t) => t['regional_office'] as string))) {
    await org('OpenRegionalOffice', { officeId: office, name: office, region: office });
  }
  for (const manager of new Set(teams.map((t) => t['manager'] as string))) {
    const officeId = teams.find((t) => t['manager'] === manager)?.['regional_office'];
    await org('FormSalesTeam', { teamId: manager, name: manager, officeId });
    await org('AppointTeamManager', { teamId: manager, managerId: manager, effectiveFrom: FROM });
  }
  for (const team of teams) {
    await org('AddRepToTeam', {
      repId: team['sales_agent'],
      teamId: team['manager'],
      effectiveFrom: FROM,
    });
  }
  const prices = new Map(
    (await rows('products.csv')).map((p) => [
      (p['product'] as string).replaceAll(' ', ''),
      Number(p['sales_price']),
    ]),
  );
  for (const deal of await rows('sales_pipeline.csv')) {
    const opportunityId = deal['opportunity_id'] as string;
    const stage = deal['deal_stage'] as string;
    const engaged = deal['engage_date'] || '2016-10-01';
    const closeValue = Number(deal['close_value'] || 0) * 100;
    const listPrice = (prices.get((deal['product'] as string).replaceAll(' ', '')) ?? 0) * 100;
    const usd = (amountMinor: number) => ({ amountMinor, currency: 'USD' });
    const send_ = (command: object, day: string) =>
      send(opportunities, { opportunityId, ...command }, day);
    await send_(
      {
        kind: 'OpenOpportunity',
        name: opportunityId,
        ownerId: deal['sales_agent'],
        amount: usd(stage === 'Won' ? closeValue : listPrice),
        expectedCloseOn: deal['close_date'] || '2017-12-31',
        customerId: deal['account'] || undefined,
      },
      engaged,
    );
    if (stage === 'Engaging')
      await send_({ kind: 'MoveOpportunityStage', toStageId: 'qualification' }, engaged);
    if (stage === 'Won')
      await send_(
        { kind: 'MarkOpportunityWon', wonOn: deal['close_date'], finalAmount: usd(closeValue) },
        deal['close_date'] as string,
      );
    if (stage === 'Lost')
      await send_(
        { kind: 'MarkOpportunityLost', lostOn: deal['close_date'] },
        deal['close_date'] as string,
      );
  }
  return problems;
};
