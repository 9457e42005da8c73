import * as t from 'io-ts';

const MoneyAmount = t.type({ amountMinor: t.number, currency: t.string });
const nullable = <C extends t.Mixed>(codec: C) => t.union([codec, t.null]);

/**
 * One opportunity as the sales reports need it: who owns it, where it came from, how far it got
 * in its pipeline, how it closed, and how long it stayed in each stage.
 */
export const DealDocument = t.type(
  {
    opportunityId: t.string,
    leadId: nullable(t.string),
    customerId: nullable(t.string),
    source: nullable(t.string),
    campaignId: nullable(t.string),
    ownerId: t.string,
    pipelineId: t.string,
    /** The pipeline's open stages in order. */
    openStageIds: t.array(t.string),
    /** Open stages reached: every stage up to the furthest reached (all of them once won). */
    reachedStageIds: t.array(t.string),
    openedAt: t.string,
    openedOn: t.string,
    amount: MoneyAmount,
    expectedCloseOn: t.string,
    stageId: t.string,
    probabilityBps: t.number,
    forecastCategory: t.string,
    stageEnteredAt: t.string,
    outcome: t.keyof({ open: null, won: null, lost: null }),
    closedOn: nullable(t.string),
    wonAmount: nullable(MoneyAmount),
    /** Days spent in each stage, one entry per stay (a reopened deal may stay twice). */
    stageDays: t.record(t.string, t.array(t.number)),
  },
  'DealDocument',
);
/** One opportunity as the sales reports need it. */
export type DealDocument = t.TypeOf<typeof DealDocument>;

/** The document key of an opportunity. */
export const dealKey = (opportunityId: string): string => `opportunity:${opportunityId}`;
