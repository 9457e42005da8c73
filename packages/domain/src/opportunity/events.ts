import * as t from 'io-ts';
import { DateOnly } from '../shared/dates.js';
import { Money, NonNegativeMoney } from '../shared/money.js';
import { BasisPoints, ForecastCategory, Pipeline } from './pipeline.js';
import { PricedQuoteLine } from './quote.js';

const event = <T extends string, D extends t.Mixed>(type: T, data: D) =>
  t.type({ type: t.literal(type), data }, type);

/** A stage reached, with the probability and forecast category it carried then. */
const StageFacts = {
  probabilityBps: BasisPoints,
  forecastCategory: ForecastCategory,
};

/** A deal entered the pipeline; it records the pipeline definition it follows. */
export const OpportunityOpened = event(
  'OpportunityOpened',
  t.intersection([
    t.type({
      opportunityId: t.string,
      name: t.string,
      ownerId: t.string,
      amount: NonNegativeMoney,
      expectedCloseOn: DateOnly,
      pipeline: Pipeline,
      stageId: t.string,
      ...StageFacts,
    }),
    t.partial({ customerId: t.string, leadId: t.string, source: t.string, campaignId: t.string }),
  ]),
);
/** The deal moved between open stages; the actor in the metadata says who moved it. */
export const OpportunityStageChanged = event(
  'OpportunityStageChanged',
  t.type({ opportunityId: t.string, fromStageId: t.string, toStageId: t.string, ...StageFacts }),
);
/** The amount changed. */
export const OpportunityAmountChanged = event(
  'OpportunityAmountChanged',
  t.type({ opportunityId: t.string, previous: NonNegativeMoney, amount: NonNegativeMoney }),
);
/** The expected close date changed. */
export const OpportunityCloseDateChanged = event(
  'OpportunityCloseDateChanged',
  t.type({ opportunityId: t.string, previous: DateOnly, expectedCloseOn: DateOnly }),
);
/** A deal opened without an account got its customer. */
export const OpportunityCustomerAttached = event(
  'OpportunityCustomerAttached',
  t.type({ opportunityId: t.string, customerId: t.string }),
);
/** The deal got a new owner. */
export const OpportunityOwnerChanged = event(
  'OpportunityOwnerChanged',
  t.type({ opportunityId: t.string, ownerId: t.string, previousOwnerId: t.string }),
);
/** A competitor in the deal was noted. */
export const CompetitorRecorded = event(
  'CompetitorRecorded',
  t.type({ opportunityId: t.string, competitor: t.string }),
);
/** A quote went out, with exact line amounts and total. */
export const QuoteIssued = event(
  'QuoteIssued',
  t.intersection([
    t.type({
      opportunityId: t.string,
      quoteId: t.string,
      lines: t.readonlyArray(PricedQuoteLine),
      total: Money,
    }),
    t.partial({ validUntil: DateOnly }),
  ]),
);
/** The deal was won at its final amount; revenue is credited to `ownerId`. */
export const OpportunityWon = event(
  'OpportunityWon',
  t.type({
    opportunityId: t.string,
    stageId: t.string,
    amount: NonNegativeMoney,
    wonOn: DateOnly,
    ownerId: t.string,
  }),
);
/** The deal was lost; reason and competitor are optional. */
export const OpportunityLost = event(
  'OpportunityLost',
  t.intersection([
    t.type({ opportunityId: t.string, stageId: t.string, lostOn: DateOnly, ownerId: t.string }),
    t.partial({ reason: t.string, competitor: t.string }),
  ]),
);
/** A closed deal was reopened into an open stage. */
export const OpportunityReopened = event(
  'OpportunityReopened',
  t.type({
    opportunityId: t.string,
    previousOutcome: t.union([t.literal('won'), t.literal('lost')]),
    stageId: t.string,
    ...StageFacts,
  }),
);

/** Every event of an Opportunity stream. */
export const OpportunityEvent = t.union(
  [
    OpportunityOpened,
    OpportunityStageChanged,
    OpportunityAmountChanged,
    OpportunityCloseDateChanged,
    OpportunityCustomerAttached,
    OpportunityOwnerChanged,
    CompetitorRecorded,
    QuoteIssued,
    OpportunityWon,
    OpportunityLost,
    OpportunityReopened,
  ],
  'OpportunityEvent',
);
/** Every event of an Opportunity stream. */
export type OpportunityEvent = t.TypeOf<typeof OpportunityEvent>;
