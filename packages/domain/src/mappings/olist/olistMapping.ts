import * as E from 'fp-ts/lib/Either.js';
import type { CommandContext } from '@clientele/eventstore';
import { v5 as uuidv5 } from 'uuid';
import type { LeadCommand } from '../../lead/commands.js';
import type { DateOnly } from '../../shared/dates.js';
import type { MappedRow, RejectedRow } from '../mappedRow.js';
import { LeadCommand as LeadCommandCodec } from '../../lead/commands.js';
import { formatZoned, instantOfWallClock, zonedInstant } from '../../sla/zonedTime.js';
import { decodeRow } from '../mappedRow.js';
import { OlistDealRow, OlistLeadRow } from './olistRows.js';

/** Namespace of the command ids of Olist rows: the same row always gets the same id. */
const OLIST_NAMESPACE = '0c2b7f5e-94d8-4a61-b3e7-5d1a8c6f2e90';

/** The source of a lead whose origin is empty (60 MQLs). */
export const OLIST_UNKNOWN_ORIGIN = 'unknown';

/** Options of the Olist mappings. */
export interface OlistMappingOptions {
  /** The zone the files' zone-less dates and times are read in; defaults to `America/Sao_Paulo`. */
  readonly timeZone?: string;
  readonly tenantId?: string | undefined;
}

/** The lead id of an MQL. */
export const olistLeadId = (mqlId: string): string => `olist-mql-${mqlId}`;

/** What a closed deal becomes: the lead commands, then the win of the deal the conversion opens. */
export interface OlistDealCommands {
  readonly lead: readonly MappedRow<LeadCommand>[];
  readonly won: {
    readonly lineNumber: number;
    readonly leadId: string;
    readonly wonOn: DateOnly;
    readonly context: CommandContext;
  };
}

const context = (
  key: string,
  instant: number,
  actor: CommandContext['actor'],
  options: OlistMappingOptions,
): CommandContext => {
  const timeZone = options.timeZone ?? 'America/Sao_Paulo';
  return {
    commandId: uuidv5(key, OLIST_NAMESPACE),
    actor,
    occurredAt: formatZoned(instant, timeZone),
    tenantId: options.tenantId,
  };
};

/**
 * Maps one MQL to the capture of a lead: its source is the origin channel as written (the 60
 * empty origins become `unknown`, the same source as the 1,099 the file already calls unknown),
 * captured at the start of its first-contact day by the marketing team. The landing page is an
 * anonymized id with no meaning to a CRM and is left out. The command id derives from the MQL id.
 */
export const mapOlistLeadRow = (
  values: Readonly<Record<string, string>>,
  lineNumber: number,
  options: OlistMappingOptions = {},
): E.Either<RejectedRow, MappedRow<LeadCommand>> =>
  E.chain((row: OlistLeadRow) =>
    E.map((command: LeadCommand) => ({
      lineNumber,
      command,
      context: context(
        `${row.mql_id} capture`,
        zonedInstant(
          row.first_contact_date as DateOnly,
          0,
          options.timeZone ?? 'America/Sao_Paulo',
        ),
        { id: 'olist-marketing', role: 'marketing' },
        options,
      ),
    }))(
      decodeRow(
        LeadCommandCodec,
        {
          kind: 'CaptureLead',
          leadId: olistLeadId(row.mql_id),
          source: row.origin.trim() === '' ? OLIST_UNKNOWN_ORIGIN : row.origin,
        },
        lineNumber,
      ),
    ),
  )(decodeRow(OlistLeadRow, values, lineNumber));

/** The instant of a zone-less `YYYY-MM-DD HH:MM:SS` read in the zone. */
const wallInstant = (timestamp: string, timeZone: string): number =>
  instantOfWallClock(Date.parse(`${timestamp.replace(' ', 'T')}Z`), timeZone);

/**
 * Maps one closed deal. The file says only who worked the deal (an SDR and an SR, anonymized),
 * when it was won and the seller's segment, so, all at the won time:
 *
 * - the SDR assigns the lead to the SR, who closed it (the lead's owner becomes the deal's owner);
 * - the SDR qualifies it with score 100: the data has no scores, and a lead that became a deal
 *   is taken as fully qualified;
 * - the SR converts it into a deal named after the segment, with no amount (the data has no deal
 *   value; `declared_monthly_revenue` is the seller's own estimate of their sales, 0 for 797 of
 *   842 deals) and expected to close on the won day;
 * - the deal the conversion opens is won on the won day at that amount.
 *
 * One deal (`b91cf881…`) was won two days before its first contact: its times are kept as
 * written, not corrected. Command ids derive from the MQL id and the step.
 */
export const mapOlistDealRow = (
  values: Readonly<Record<string, string>>,
  lineNumber: number,
  options: OlistMappingOptions = {},
): E.Either<RejectedRow, OlistDealCommands> =>
  E.chain((row: OlistDealRow) => {
    const leadId = olistLeadId(row.mql_id);
    const at = wallInstant(row.won_date, options.timeZone ?? 'America/Sao_Paulo');
    const wonOn = row.won_date.slice(0, 10) as DateOnly;
    const sdr = { id: `olist-sdr-${row.sdr_id}`, role: 'sales_development' };
    const sr = { id: `olist-sr-${row.sr_id}`, role: 'sales_rep' };
    const segment = row.business_segment.trim() === '' ? 'seller' : row.business_segment;
    const steps: [string, CommandContext['actor'], Record<string, unknown>][] = [
      ['assign', sdr, { kind: 'AssignLead', leadId, ownerId: sr.id, policy: 'olist-sr' }],
      ['qualify', sdr, { kind: 'QualifyLead', leadId, score: 100 }],
      [
        'convert',
        sr,
        {
          kind: 'ConvertLead',
          leadId,
          opportunity: { name: `Olist ${segment} seller`, expectedCloseOn: wonOn },
        },
      ],
    ];
    return E.map((lead: readonly MappedRow<LeadCommand>[]) => ({
      lead,
      won: {
        lineNumber,
        leadId,
        wonOn,
        context: context(`${row.mql_id} won`, at, sr, options),
      },
    }))(
      E.traverseArray(([step, actor, command]: (typeof steps)[number]) =>
        E.map((decoded: LeadCommand) => ({
          lineNumber,
          command: decoded,
          context: context(`${row.mql_id} ${step}`, at, actor, options),
        }))(decodeRow(LeadCommandCodec, command, lineNumber)),
      )(steps),
    );
  })(decodeRow(OlistDealRow, values, lineNumber));
