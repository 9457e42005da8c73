import * as t from 'io-ts';
import { eventCodec } from '../shared/eventCodec.js';
import { DateOnly } from '../shared/dates.js';
import { Money, NonNegativeMoney } from '../shared/money.js';
import { FractionBps } from '../shared/basisPoints.js';
import { ForecastCategory, Pipeline } from './pipeline.js';
import { PricedQuoteLine } from './quote.js';

/** A stage reached, with the probability and forecast category it carried then. */
const StageFacts = {
  probabilityBps: FractionBps,
  forecastCategory: ForecastCategory,
};

/** A deal entered the pipeline; it records the pipeline definition it follows. */
export const OpportunityOpened = eventCodec(
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
export const OpportunityStageChanged = eventCodec(
  'OpportunityStageChanged',
  t.type({ opportunityId: t.string, fromStageId: t.string, toStageId: t.string, ...StageFacts }),
);
/** The amount changed. */
export const OpportunityAmountChanged = eventCodec(
  'OpportunityAmountChanged',
  t.type({ opportunityId: t.string, previous: NonNegativeMoney, amount: NonNegativeMoney }),
);
/** The expected close date changed. */
export const OpportunityCloseDateChanged = eventCodec(
  'OpportunityCloseDateChanged',
  t.type({ opportunityId: t.string, previous: DateOnly, expectedCloseOn: DateOnly }),
);
/** A deal opened without an account got its customer. */
export const OpportunityCustomerAttached = eventCodec(
  'OpportunityCustomerAttached',
  t.type({ opportunityId: t.string, customerId: t.string }),
);
/** The deal got a new owner. */
export const OpportunityOwnerChanged = eventCodec(
  'OpportunityOwnerChanged',
  t.type({ opportunityId: t.string, ownerId: t.string, previousOwnerId: t.string }),
);
/** A competitor in the deal was noted. */
export const CompetitorRecorded = eventCodec(
  'CompetitorRecorded',
  t.type({ opportunityId: t.string, competitor: t.string }),
);
/** A quote went out, with exact line amounts and total. */
export const QuoteIssued = eventCodec(
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
export const OpportunityWon = eventCodec(
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
export const OpportunityLost = eventCodec(
  'OpportunityLost',
  t.intersection([
    t.type({ opportunityId: t.string, stageId: t.string, lostOn: DateOnly, ownerId: t.string }),
    t.partial({ reason: t.string, competitor: t.string }),
  ]),
);
/** A closed deal was reopened into an open stage. */
export const OpportunityReopened = eventCodec(
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
