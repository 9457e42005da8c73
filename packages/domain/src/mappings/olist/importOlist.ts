import * as E from 'fp-ts/lib/Either.js';
import type { EventStore, RecordedEvent } from '@clientele/eventstore';
import { deriveId, streamName } from '@clientele/eventstore';
import type { LeadCommand } from '../../lead/commands.js';
import type { OpportunityCommand } from '../../opportunity/commands.js';
import type { CommandSink, ImportReport } from '../importReport.js';
import type { OlistMappingOptions } from './olistMapping.js';
import { readCsvRecords } from '../csv/readCsvRecords.js';
import type { CsvChunks } from '../csv/decodeCsvText.js';
import { createImportTally } from '../importReport.js';
import { mapOlistDealRow, mapOlistLeadRow } from './olistMapping.js';

/** Where the Olist import sends its commands, and how conversions become deals. */
export interface OlistImportTarget {
  readonly leads: CommandSink<LeadCommand>;
  readonly opportunities: CommandSink<OpportunityCommand>;
  /** Read to find each conversion's event, whose id the deal's id derives from. */
  readonly store: Pick<EventStore, 'readStream'>;
  /**
   * Registers the converted lead's customer and opens its deal: the lead conversion reactor's
   * `react`, called here so the deal exists before it is won. Safe to call again.
   */
  readonly convert: (event: RecordedEvent) => Promise<unknown>;
}

const conversionOf = async (
  store: OlistImportTarget['store'],
  leadId: string,
): Promise<RecordedEvent | undefined> => {
  for await (const event of store.readStream(streamName('Lead', leadId))) {
    if (event.type === 'LeadConverted') return event;
  }
  return undefined;
};

/**
 * Imports the Olist funnel: first every MQL (streaming) as a captured lead, then every closed deal:
 * its lead assigned, qualified and converted, the conversion turned into a customer and a deal,
 * and the deal won. The deal's id derives from the conversion event (as the reactor derives it),
 * so it is found again on a re-import, which changes nothing. A deal whose MQL is not in the
 * leads file, or whose lead command is refused, is reported and goes no further.
 */
export const importOlist = async (
  leadChunks: CsvChunks,
  dealChunks: CsvChunks,
  target: OlistImportTarget,
  options: OlistMappingOptions = {},
): Promise<ImportReport> => {
  const tally = createImportTally();
  const captured = new Set<string>();
  for await (const record of readCsvRecords(leadChunks)) {
    tally.row();
    const mapped = mapOlistLeadRow(record.values, record.lineNumber, options);
    if (E.isLeft(mapped)) tally.reject(mapped.left);
    else if (await tally.send(target.leads, mapped.right))
      captured.add(mapped.right.command.leadId);
  }
  deals: for await (const record of readCsvRecords(dealChunks)) {
    tally.row();
    const mapped = mapOlistDealRow(record.values, record.lineNumber, options);
    if (E.isLeft(mapped)) {
      tally.reject(mapped.left);
      continue;
    }
    const { lead, won } = mapped.right;
    if (!captured.has(won.leadId)) {
      tally.reject({
        lineNumber: record.lineNumber,
        problems: [`mql_id: no captured lead in the leads file, got ${won.leadId}`],
      });
      continue;
    }
    for (const command of lead) if (!(await tally.send(target.leads, command))) continue deals;
    const conversion = await conversionOf(target.store, won.leadId);
    if (conversion === undefined) {
      tally.reject({ lineNumber: record.lineNumber, problems: ['the lead was not converted'] });
      continue;
    }
    await target.convert(conversion);
    await tally.send(target.opportunities, {
      lineNumber: won.lineNumber,
      command: {
        kind: 'MarkOpportunityWon',
        opportunityId: deriveId(conversion.eventId, 'opportunity'),
        wonOn: won.wonOn,
      },
      context: won.context,
    });
  }
  return tally.report();
};
