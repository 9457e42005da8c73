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

/** A command to send, named by its step of the deal and dated by the day it happened. */
type Step = [step: string, day: string, command: Record<string, unknown>];

const CURRENCY = 'USD';

const isClosed = (row: MavenPipelineRow): boolean =>
  row.deal_stage === 'Won' || row.deal_stage === 'Lost';

/** What is wrong with a deal's dates for its stage; undefined when nothing is. */
const datesProblem = (row: MavenPipelineRow): string | undefined => {
  if (row.deal_stage !== 'Prospecting' && row.engage_date === '')
    return `engage_date: required for a ${row.deal_stage} deal, got ""`;
  if (isClosed(row) && (row.close_date === '' || row.close_value === ''))
    return `close_date, close_value: required for a ${row.deal_stage} deal`;
  if (isClosed(row) && row.close_date < row.engage_date)
    return `close_date: before engage_date, got ${row.close_date}`;
  return undefined;
};

const openStep = (row: MavenPipelineRow, price: number, openedOn: string): Step => [
  'open',
  openedOn,
  {
    kind: 'OpenOpportunity',
    opportunityId: mavenOpportunityId(row.opportunity_id),
    name: `${row.product} ${row.opportunity_id}`,
    ownerId: mavenRepId(row.sales_agent),
    amount: { amountMinor: price * 100, currency: CURRENCY },
    expectedCloseOn: isClosed(row)
      ? row.close_date
      : addDays(openedOn as DateOnly, MAVEN_OPEN_DEAL_HORIZON_DAYS),
    pipeline: MAVEN_PIPELINE,
    stageId: 'prospecting',
    source: 'maven',
    ...(row.account === '' ? {} : { customerId: mavenCustomerId(row.account) }),
  },
];

const closeStep = (row: MavenPipelineRow, opportunityId: string): Step =>
  row.deal_stage === 'Won'
    ? [
        'won',
        row.close_date,
        {
          kind: 'MarkOpportunityWon',
          opportunityId,
          wonOn: row.close_date,
          finalAmount: { amountMinor: Number(row.close_value) * 100, currency: CURRENCY },
        },
      ]
    : [
        'lost',
        row.close_date,
        { kind: 'MarkOpportunityLost', opportunityId, lostOn: row.close_date },
      ];

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
  const prospectingDay = options.prospectingOpenedOn ?? MAVEN_AS_OF;

  const commandsFor = (
    row: MavenPipelineRow,
    lineNumber: number,
  ): E.Either<RejectedRow, Step[]> => {
    const price = options.prices.get(mavenProductKey(row.product));
    if (price === undefined)
      return reject(lineNumber, `product: not in products.csv, got ${JSON.stringify(row.product)}`);
    if (row.account !== '' && !options.accounts.has(row.account))
      return reject(lineNumber, `account: not in accounts.csv, got ${JSON.stringify(row.account)}`);
    const problem = datesProblem(row);
    if (problem !== undefined) return reject(lineNumber, problem);
    if (row.deal_stage === 'Prospecting') return E.right([openStep(row, price, prospectingDay)]);
    const opportunityId = mavenOpportunityId(row.opportunity_id);
    const open = openStep(row, price, row.engage_date);
    const engage: Step = [
      'engage',
      row.engage_date,
      { kind: 'MoveOpportunityStage', opportunityId, toStageId: 'engaging' },
    ];
    if (row.deal_stage === 'Engaging') return E.right([open, engage]);
    return E.right([open, engage, closeStep(row, opportunityId)]);
  };

  return {
    mapRow: (values, lineNumber) =>
      E.chain((row: MavenPipelineRow) =>
        E.chain((steps: Step[]) =>
          E.traverseArray(([step, day, command]: Step) =>
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
