import type { OpportunityEvent } from '@clientele/domain';
import type { DatedEvent } from '../history/datedEvents.js';
import { daysFrom, firstDay, shiftDay } from '../history/datedEvents.js';
import type { DealFacts } from '../history/dealHistory.js';
import { dealsAsOf } from '../history/dealHistory.js';
import type { FeatureDefinition } from '../learning/featureEncoder.js';
import type { ScoringModel, TrainingCase } from '../learning/scoringModel.js';
import { trainScoringModel } from '../learning/scoringModel.js';

/** An open deal as known on a day: what a win probability is computed from. */
export interface DealOnDay {
  readonly deal: DealFacts;
  readonly day: string;
}

/**
 * The win model's features, all known while the deal is open: owner, stage, source, customer,
 * amount, days in the current stage and days since opening. Rare owners and customers (fewer
 * training cases than `minCount`) share the intercept rather than get a column of their own.
 */
export const WIN_FEATURES: readonly FeatureDefinition<DealOnDay>[] = [
  { kind: 'category', name: 'owner', valueOf: ({ deal }) => deal.ownerId, minCount: 20 },
  { kind: 'category', name: 'stage', valueOf: ({ deal }) => deal.stageId, minCount: 1 },
  {
    kind: 'category',
    name: 'source',
    valueOf: ({ deal }) => deal.source ?? '(none)',
    minCount: 20,
  },
  {
    kind: 'category',
    name: 'customer',
    valueOf: ({ deal }) => deal.customerId ?? '(none)',
    minCount: 30,
  },
  {
    kind: 'number',
    name: 'amount (log)',
    valueOf: ({ deal }) => Math.log1p(deal.amountMinor / 100),
  },
  {
    kind: 'number',
    name: 'days in stage (log)',
    valueOf: ({ deal, day }) => Math.log1p(Math.max(0, daysFrom(deal.stageEnteredOn, day))),
  },
  {
    kind: 'number',
    name: 'days open (log)',
    valueOf: ({ deal, day }) => Math.log1p(Math.max(0, daysFrom(deal.openedOn, day))),
  },
];

/** How the win model learns. */
export interface WinModelOptions {
  /** Days between the snapshots taken of the open pipeline before the cut-off. */
  readonly snapshotEveryDays: number;
  /** The ridge penalty of the logistic regression. */
  readonly l2: number;
}

/** The default training settings: a monthly snapshot and a light ridge penalty. */
export const DEFAULT_WIN_MODEL_OPTIONS: WinModelOptions = { snapshotEveryDays: 30, l2: 1 };

/**
 * The training cases of a win model with the given cut-off, from the log alone and nothing after
 * the cut-off: the open pipeline is looked at every `snapshotEveryDays` back from the cut-off, and
 * each deal open on a snapshot day whose outcome was known by the cut-off is a case, with its
 * features as of that snapshot (its age then) and 1 if it was won. A deal open on several
 * snapshots is a case on each, as it would have been scored on each. Cases are ordered by
 * snapshot day and deal id.
 */
export const winTrainingCases = (
  events: readonly DatedEvent<OpportunityEvent>[],
  cutOff: string,
  options: WinModelOptions,
): TrainingCase<DealOnDay>[] => {
  const known = dealsAsOf(events, cutOff);
  const first = firstDay(events) ?? cutOff;
  const cases: TrainingCase<DealOnDay>[] = [];
  for (let day = cutOff; day >= first; day = shiftDay(day, -options.snapshotEveryDays)) {
    for (const deal of dealsAsOf(events, day).values()) {
      if (deal.outcome !== 'open') continue;
      const outcome = known.get(deal.opportunityId)?.outcome;
      if (outcome === 'won' || outcome === 'lost')
        cases.push({ item: { deal, day }, outcome: outcome === 'won' ? 1 : 0 });
    }
  }
  // One order whatever the interleaving of streams in the log, so a rebuild on another engine fits
  // the same coefficients bit for bit (sums of floating-point numbers depend on their order).
  return cases.sort(
    (a, b) =>
      a.item.day.localeCompare(b.item.day) ||
      a.item.deal.opportunityId.localeCompare(b.item.deal.opportunityId),
  );
};

/** The win model trained on the log up to the cut-off (see {@link winTrainingCases}). */
export const trainWinModel = (
  events: readonly DatedEvent<OpportunityEvent>[],
  cutOff: string,
  options: WinModelOptions = DEFAULT_WIN_MODEL_OPTIONS,
): ScoringModel<DealOnDay> =>
  trainScoringModel(WIN_FEATURES, winTrainingCases(events, cutOff, options), options.l2);
