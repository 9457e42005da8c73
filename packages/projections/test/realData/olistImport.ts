import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import * as E from 'fp-ts/lib/Either.js';
import { createLeadService, readCsvRecords } from '@clientele/domain';
import type { EventStore } from '@clientele/eventstore';

/**
 * Imports the Olist marketing funnel through the lead entry point. The domain has no shared Olist
 * mapping module yet, so the mapping lives here, for this check only: every marketing-qualified
 * lead is captured on its first-contact day with its origin as source (`(not set)` when empty);
 * every closed deal qualifies and converts its lead on the day it was won.
 */
const DATASET = new URL('../../../../../shared/datasets/olist-marketing-funnel/', import.meta.url);

const rows = async (file: string): Promise<Record<string, string>[]> => {
  const all: Record<string, string>[] = [];
  for await (const record of readCsvRecords(
    createReadStream(new URL(file, DATASET), { encoding: 'utf8' }),
  )) {
    all.push({ ...record.values });
  }
  return all;
};

/** Imports the sample; returns every command the domain refused (none expected). */
export const importOlist = async (store: EventStore): Promise<string[]> => {
  const leads = createLeadService({ store });
  const problems: string[] = [];
  const send = async (command: object, day: string): Promise<void> => {
    const result = await leads.handle(command, {
      commandId: randomUUID(),
      actor: { id: 'olist-import', role: 'admin' },
      occurredAt: `${day}T12:00:00.000Z`,
    });
    if (E.isLeft(result))
      problems.push(`${JSON.stringify(command)}: ${JSON.stringify(result.left)}`);
  };
  for (const lead of await rows('olist_marketing_qualified_leads_dataset.csv')) {
    await send(
      { kind: 'CaptureLead', leadId: lead['mql_id'], source: lead['origin'] || '(not set)' },
      lead['first_contact_date'] as string,
    );
  }
  for (const deal of await rows('olist_closed_deals_dataset.csv')) {
    const day = (deal['won_date'] as string).slice(0, 10);
    await send({ kind: 'QualifyLead', leadId: deal['mql_id'], score: 50 }, day);
    await send(
      {
        kind: 'ConvertLead',
        leadId: deal['mql_id'],
        opportunity: { name: `Olist seller ${deal['seller_id']}` },
      },
      day,
    );
  }
  return problems;
};
