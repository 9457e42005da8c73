import * as t from 'io-ts';

const nullable = <C extends t.Mixed>(codec: C) => t.union([codec, t.null]);

/** The lead stages of the funnel, in order. */
export const LEAD_STAGES = ['captured', 'contacted', 'qualified', 'converted'] as const;
/** A lead stage of the funnel. */
export type LeadStage = (typeof LEAD_STAGES)[number];

/**
 * One lead as the funnel needs it: cohort (capture day), grouping fields, the furthest funnel
 * stage reached, and when each stage was first reached.
 */
export const LeadDocument = t.type(
  {
    leadId: t.string,
    capturedOn: t.string,
    source: t.string,
    campaignId: nullable(t.string),
    ownerId: nullable(t.string),
    region: nullable(t.string),
    /** Index in {@link LEAD_STAGES} of the furthest stage reached. */
    furthest: t.number,
    /** When each stage was first reached, by index; null if never reached directly. */
    reachedAt: t.array(nullable(t.string)),
    disqualified: t.boolean,
  },
  'LeadDocument',
);
/** One lead as the funnel needs it. */
export type LeadDocument = t.TypeOf<typeof LeadDocument>;

/** The document key of a lead. */
export const leadKey = (leadId: string): string => `lead:${leadId}`;
