import * as t from 'io-ts';
import { commandCodecFor } from '../shared/commandCodec.js';
import { NonEmptyText } from '../shared/contact.js';
import { DateOnly } from '../shared/dates.js';
import { NonNegativeMoney } from '../shared/money.js';
import { Pipeline } from './pipeline.js';
import { QuoteLine } from './quote.js';

const command = commandCodecFor('opportunityId');

/**
 * Open a deal. The customer is optional while prospecting; the pipeline defaults to the B2B one
 * and the stage to the pipeline's first.
 */
export const OpenOpportunity = command(
  'OpenOpportunity',
  { name: NonEmptyText, ownerId: t.string, amount: NonNegativeMoney, expectedCloseOn: DateOnly },
  {
    customerId: t.string,
    leadId: t.string,
    source: t.string,
    campaignId: t.string,
    pipeline: Pipeline,
    stageId: t.string,
  },
);
/** Move the deal to another open stage of its pipeline. */
export const MoveOpportunityStage = command('MoveOpportunityStage', { toStageId: t.string }, {});
/** Change the amount. */
export const ChangeOpportunityAmount = command(
  'ChangeOpportunityAmount',
  { amount: NonNegativeMoney },
  {},
);
/** Change the expected close date. */
export const ChangeOpportunityCloseDate = command(
  'ChangeOpportunityCloseDate',
  { expectedCloseOn: DateOnly },
  {},
);
/** Attach the customer to a deal opened without one. */
export const AttachOpportunityCustomer = command(
  'AttachOpportunityCustomer',
  { customerId: t.string },
  {},
);
/** Hand the deal to another rep. */
export const ChangeOpportunityOwner = command('ChangeOpportunityOwner', { ownerId: t.string }, {});
/** Note a competitor in the deal. */
export const RecordCompetitor = command('RecordCompetitor', { competitor: NonEmptyText }, {});
/** Issue a quote; amounts are computed exactly from the lines. */
export const IssueQuote = command(
  'IssueQuote',
  { quoteId: t.string, lines: t.readonlyArray(QuoteLine) },
  { validUntil: DateOnly },
);
/** Mark the deal won, at `finalAmount` or else its current amount. */
export const MarkOpportunityWon = command(
  'MarkOpportunityWon',
  { wonOn: DateOnly },
  { finalAmount: NonNegativeMoney },
);
/** Mark the deal lost; reason and competitor are optional. */
export const MarkOpportunityLost = command(
  'MarkOpportunityLost',
  { lostOn: DateOnly },
  { reason: t.string, competitor: t.string },
);
/** Reopen a closed deal, into `toStageId` or the open stage it closed from. */
export const ReopenOpportunity = command('ReopenOpportunity', {}, { toStageId: t.string });

/** Every command of the Opportunity aggregate. */
export const OpportunityCommand = t.union(
  [
    OpenOpportunity,
    MoveOpportunityStage,
    ChangeOpportunityAmount,
    ChangeOpportunityCloseDate,
    AttachOpportunityCustomer,
    ChangeOpportunityOwner,
    RecordCompetitor,
    IssueQuote,
    MarkOpportunityWon,
    MarkOpportunityLost,
    ReopenOpportunity,
  ],
  'OpportunityCommand',
);
/** Every command of the Opportunity aggregate. */
export type OpportunityCommand = t.TypeOf<typeof OpportunityCommand>;

/**
 * A Opportunity command as code writes it: plain strings and numbers where the decoded
 * command has branded values (days, currencies, normalized emails). \`send\` takes it and decodes it.
 */
export type OpportunityCommandInput = t.OutputOf<typeof OpportunityCommand>;
