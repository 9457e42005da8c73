import * as E from 'fp-ts/lib/Either.js';
import type { OpportunityCommand } from '../../opportunity/commands.js';
import type { DateOnly } from '../../shared/dates.js';
import type { MappedRow, RejectedRow } from '../mappedRow.js';
import type { MavenPriceList } from './mavenProducts.js';
import { OpportunityCommand as OpportunityCommandCodec } from '../../opportunity/commands.js';
import { addDays } from '../../shared/dates.js';
import { decodeRow } from '../mappedRow.js';
import { mavenContext } from './mavenContext.js';
import { mavenCustomerId, mavenOpportunityId, mavenRepId } from './mavenIds.js';
import { MAVEN_PIPELINE } from './mavenPipeline.js';
import { mavenProductKey } from './mavenProducts.js';
import { MavenPipelineRow } from './mavenRows.js';

/** The data's as-of day: its last close date, when the extract was evidently taken. */
export const MAVEN_AS_OF = '2017-12-31';

/** Days from opening to the expected close of a deal still open in the data (none is given). */
export const MAVEN_OPEN_DEAL_HORIZON_DAYS = 90;

/** Options of {@link createMavenMapping}. */
export interface MavenMappingOptions {
  /** List prices by product, from `products.csv` (see `mavenPriceList`). */
  readonly prices: MavenPriceList;
  /** The account names of `accounts.csv`; a deal naming another account is rejected. */
  readonly accounts: ReadonlySet<string>;
  /** The day Prospecting deals (which have no engage date) are opened on; defaults to {@link MAVEN_AS_OF}. */
  readonly prospectingOpenedOn?: string | undefined;
  readonly tenantId?: string | undefined;
}

/** Maps `sales_pipeline.csv` rows to Opportunity commands, one row at a time. */
export interface MavenMapping {
  mapRow(
    values: Readonly<Record<string, string>>,
    lineNumber: number,
  ): E.Either<RejectedRow, readonly MappedRow<OpportunityCommand>[]>;
}

const reject = (lineNumber: number, problem: string): E.Either<RejectedRow, never> =>
  E.left({ lineNumber, problems: [problem] });

/**
 * The mapping of the Maven CRM pipeline (`sales_pipeline.csv`) onto Opportunity commands in the
 * {@link MAVEN_PIPELINE}, shared by the replay tests and `clientele import opportunities
 * --mapping maven`. Each row is one deal, owned by its agent, in US dollars:
 *
 * - it opens in Prospecting with the product's list price as its amount (value × 100 cents; the
 *   pipeline's `GTXPro` is `products.csv`'s `GTX Pro`), for the account's customer, or for no
 *   customer when the account is empty (1,425 rows);
 * - an Engaging, Won or Lost deal opens on its engage date and moves to Engaging the same day;
 * - a Won deal is then won on its close date at its close value, a Lost one lost on its close
 *   date (its close value, always 0, is not a price);
 * - a Prospecting deal has no dates at all: it is opened on the data's as-of day (its last close
 *   date, {@link MAVEN_AS_OF}), since it was in the pipeline when the extract was taken and nothing
 *   says since when;
 * - the expected close of a closed deal is its close date; of an open deal, 90 days after opening.
 *
 * The actor of every command is the agent, acting as a sales rep. Command ids derive from the
 * opportunity id and the step, so importing the file again changes nothing. The accounts and the
 * sales organization must be imported first (`mapMavenAccountRow`,
 * `createMavenOrganizationMapping`).
 */
export const createMavenMapping = (options: MavenMappingOptions): MavenMapping => {
  const currency = 'USD';
  const prospectingDay = options.prospectingOpenedOn ?? MAVEN_AS_OF;

  const commandsFor = (
    row: MavenPipelineRow,
    lineNumber: number,
  ): E.Either<RejectedRow, [string, string, Record<string, unknown>][]> => {
    const price = options.prices.get(mavenProductKey(row.product));
    if (price === undefined)
      return reject(lineNumber, `product: not in products.csv, got ${JSON.stringify(row.product)}`);
    if (row.account !== '' && !options.accounts.has(row.account))
      return reject(lineNumber, `account: not in accounts.csv, got ${JSON.stringify(row.account)}`);
    const prospecting = row.deal_stage === 'Prospecting';
    if (!prospecting && row.engage_date === '')
      return reject(lineNumber, `engage_date: required for a ${row.deal_stage} deal, got ""`);
    const closed = row.deal_stage === 'Won' || row.deal_stage === 'Lost';
    if (closed && (row.close_date === '' || row.close_value === ''))
      return reject(lineNumber, `close_date, close_value: required for a ${row.deal_stage} deal`);
    if (closed && row.close_date < row.engage_date)
      return reject(lineNumber, `close_date: before engage_date, got ${row.close_date}`);

    const opportunityId = mavenOpportunityId(row.opportunity_id);
    const openedOn = prospecting ? prospectingDay : row.engage_date;
    const open: [string, string, Record<string, unknown>] = [
      'open',
      openedOn,
      {
        kind: 'OpenOpportunity',
        opportunityId,
        name: `${row.product} ${row.opportunity_id}`,
        ownerId: mavenRepId(row.sales_agent),
        amount: { amountMinor: price * 100, currency },
        expectedCloseOn: closed
          ? row.close_date
          : addDays(openedOn as DateOnly, MAVEN_OPEN_DEAL_HORIZON_DAYS),
        pipeline: MAVEN_PIPELINE,
        stageId: 'prospecting',
        source: 'maven',
        ...(row.account === '' ? {} : { customerId: mavenCustomerId(row.account) }),
      },
    ];
    if (prospecting) return E.right([open]);
    const engage: [string, string, Record<string, unknown>] = [
      'engage',
      row.engage_date,
      { kind: 'MoveOpportunityStage', opportunityId, toStageId: 'engaging' },
    ];
    if (row.deal_stage === 'Engaging') return E.right([open, engage]);
    const close: [string, string, Record<string, unknown>] =
      row.deal_stage === 'Won'
        ? [
            'won',
            row.close_date,
            {
              kind: 'MarkOpportunityWon',
              opportunityId,
              wonOn: row.close_date,
              finalAmount: { amountMinor: Number(row.close_value) * 100, currency },
            },
          ]
        : [
            'lost',
            row.close_date,
            { kind: 'MarkOpportunityLost', opportunityId, lostOn: row.close_date },
          ];
    return E.right([open, engage, close]);
  };

  return {
    mapRow: (values, lineNumber) =>
      E.chain((row: MavenPipelineRow) =>
        E.chain((steps: [string, string, Record<string, unknown>][]) =>
          E.traverseArray(([step, day, command]: [string, string, Record<string, unknown>]) =>
            E.map((decoded: OpportunityCommand) => ({
              lineNumber,
              command: decoded,
              context: mavenContext(
                `${row.opportunity_id} ${step}`,
                day,
                { id: mavenRepId(row.sales_agent), role: 'sales_rep' },
                options.tenantId,
              ),
            }))(decodeRow(OpportunityCommandCodec, command, lineNumber)),
          )(steps),
        )(commandsFor(row, lineNumber)),
      )(decodeRow(MavenPipelineRow, values, lineNumber)),
  };
};
