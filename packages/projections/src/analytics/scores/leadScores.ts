import * as E from 'fp-ts/lib/Either.js';
import type { LeadEvent } from '@clientele/domain';
import { inReadScope } from '@clientele/domain';
import type { AuthorizationDenial } from '@clientele/eventstore';
import type { ReadAccess } from '../../access/readAccess.js';
import { backtestLeadConversion } from '../backtest/conversionBacktest.js';
import type { ProbabilityBacktest } from '../backtest/winBacktest.js';
import {
  DEFAULT_CONVERSION_MODEL_OPTIONS,
  conversionTrainingCases,
  trainConversionModel,
} from '../conversion/conversionModel.js';
import type { DatedEvent } from '../history/datedEvents.js';
import { shiftDay } from '../history/datedEvents.js';
import { leadsAsOf } from '../history/leadHistory.js';
import type { Contribution } from '../learning/scoringModel.js';

/** One open lead's probability of converting within the horizon, as of a day, with reasons. */
export interface LeadScore {
  readonly leadId: string;
  readonly source: string;
  readonly ownerId: string | null;
  readonly capturedOn: string;
  readonly probability: number;
  readonly modelProbability: number;
  readonly sourceRate: number;
  readonly reasons: readonly Contribution[];
}

/** Conversion scores of the open leads as of a day, and which scorer the probability comes from. */
export interface LeadScores {
  readonly asOf: string;
  readonly shown: string;
  readonly check: ProbabilityBacktest;
  readonly scores: readonly LeadScore[];
}

/**
 * The conversion probability (within `horizonDays` of capture) of every open lead the actor may
 * read (`Lead.read`), as of `asOf`, from the events that happened by then. As for deals, the
 * model is shown only where it beats the source's conversion rate on this log's own check (cut-off
 * `2 × horizonDays` before `asOf`, scored on the leads captured in the following `horizonDays`).
 */
export const leadScoresAsOf = (
  events: readonly DatedEvent<LeadEvent>[],
  asOf: string,
  access: ReadAccess,
): E.Either<AuthorizationDenial, LeadScores> => {
  const scope = access.scope('Lead.read');
  if (E.isLeft(scope)) return scope;
  const options = DEFAULT_CONVERSION_MODEL_OPTIONS;
  const known = events.filter((event) => event.day <= asOf);
  const check = backtestLeadConversion(
    known,
    [shiftDay(asOf, -2 * options.horizonDays)],
    options.horizonDays,
  );
  const model = trainConversionModel(known, asOf);
  const training = conversionTrainingCases(known, asOf, options);
  const rateOf = (source: string) => {
    const same = training.filter((c) => c.item.source === source);
    const pool = same.length === 0 ? training : same;
    return pool.length === 0 ? 0 : pool.filter((c) => c.outcome === 1).length / pool.length;
  };
  const scores = [...leadsAsOf(known, asOf).values()]
    .filter((lead) => lead.outcome === 'open' && inReadScope(scope.right, lead.ownerId))
    .map((lead) => {
      const modelProbability = model.score(lead);
      const sourceRate = rateOf(lead.source);
      return {
        leadId: lead.leadId,
        source: lead.source,
        ownerId: lead.ownerId,
        capturedOn: lead.capturedOn,
        probability: check.chosen === 'model' ? modelProbability : sourceRate,
        modelProbability,
        sourceRate,
        reasons: model.explain(lead).slice(0, 3),
      };
    })
    .sort((a, b) => b.probability - a.probability || a.leadId.localeCompare(b.leadId));
  return E.right({ asOf, shown: check.chosen, check, scores });
};
