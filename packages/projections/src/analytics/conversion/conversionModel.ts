import type { LeadEvent } from '@clientele/domain';
import type { DatedEvent } from '../history/datedEvents.js';
import { daysFrom, shiftDay } from '../history/datedEvents.js';
import type { LeadFacts } from '../history/leadHistory.js';
import { leadsAsOf } from '../history/leadHistory.js';
import type { FeatureDefinition } from '../learning/featureEncoder.js';
import type { ScoringModel, TrainingCase } from '../learning/scoringModel.js';
import { trainScoringModel } from '../learning/scoringModel.js';

const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

/**
 * The conversion model's features, all known when the lead is captured: its source (origin
 * channel), campaign, region and industry where the log has them, and the weekday of capture.
 */
export const CONVERSION_FEATURES: readonly FeatureDefinition<LeadFacts>[] = [
  { kind: 'category', name: 'source', valueOf: (lead) => lead.source, minCount: 10 },
  {
    kind: 'category',
    name: 'campaign',
    valueOf: (lead) => lead.campaignId ?? '(none)',
    minCount: 10,
  },
  { kind: 'category', name: 'region', valueOf: (lead) => lead.region ?? '(none)', minCount: 10 },
  {
    kind: 'category',
    name: 'industry',
    valueOf: (lead) => lead.industry ?? '(none)',
    minCount: 10,
  },
  {
    kind: 'category',
    name: 'weekday captured',
    valueOf: (lead) => WEEKDAYS[new Date(`${lead.capturedOn}T00:00:00Z`).getUTCDay()] ?? 'sun',
    minCount: 10,
  },
];

/** How the conversion model learns and what it predicts. */
export interface ConversionModelOptions {
  /** A lead counts as converted when it converts within this many days of its capture. */
  readonly horizonDays: number;
  /** The model learns from the leads captured in this many days before the last complete horizon. */
  readonly trainingDays: number;
  readonly l2: number;
}

/** Converted within 30 days, learned from the 60 days of captures whose 30 days are over. */
export const DEFAULT_CONVERSION_MODEL_OPTIONS: ConversionModelOptions = {
  horizonDays: 30,
  trainingDays: 60,
  l2: 1,
};

/** 1 when the lead converted within the horizon of its capture. */
export const convertedWithin = (lead: LeadFacts, horizonDays: number): 0 | 1 =>
  lead.outcome === 'converted' &&
  lead.closedOn !== null &&
  daysFrom(lead.capturedOn, lead.closedOn) <= horizonDays
    ? 1
    : 0;

/**
 * The training cases of a conversion model with the given cut-off: the leads captured in the
 * `trainingDays` before `cutOff − horizonDays`, so every case's horizon is over by the cut-off and
 * its outcome is read from the log as of the cut-off, never later.
 */
export const conversionTrainingCases = (
  events: readonly DatedEvent<LeadEvent>[],
  cutOff: string,
  options: ConversionModelOptions,
): TrainingCase<LeadFacts>[] => {
  const newest = shiftDay(cutOff, -options.horizonDays);
  const oldest = shiftDay(newest, -options.trainingDays);
  return (
    [...leadsAsOf(events, cutOff).values()]
      .filter((lead) => lead.capturedOn > oldest && lead.capturedOn <= newest)
      .map((lead) => ({ item: lead, outcome: convertedWithin(lead, options.horizonDays) }))
      // One order whatever the interleaving of streams, so a rebuild fits the same model bit for bit.
      .sort((a, b) => a.item.leadId.localeCompare(b.item.leadId))
  );
};

/** The conversion model trained on the log up to the cut-off. */
export const trainConversionModel = (
  events: readonly DatedEvent<LeadEvent>[],
  cutOff: string,
  options: ConversionModelOptions = DEFAULT_CONVERSION_MODEL_OPTIONS,
): ScoringModel<LeadFacts> =>
  trainScoringModel(
    CONVERSION_FEATURES,
    conversionTrainingCases(events, cutOff, options),
    options.l2,
  );
