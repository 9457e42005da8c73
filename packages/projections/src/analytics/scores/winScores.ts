import * as E from 'fp-ts/lib/Either.js';
import type { OpportunityEvent } from '@clientele/domain';
import { inReadScope } from '@clientele/domain';
import type { AuthorizationDenial } from '@clientele/eventstore';
import type { ReadAccess } from '../../access/readAccess.js';
import type { ProbabilityBacktest } from '../backtest/winBacktest.js';
import { backtestWinProbability } from '../backtest/winBacktest.js';
import type { DatedEvent } from '../history/datedEvents.js';
import { shiftDay } from '../history/datedEvents.js';
import { dealsAsOf } from '../history/dealHistory.js';
import type { Contribution } from '../learning/scoringModel.js';
import { scoringModelFrom } from '../learning/scoringModel.js';
import { WIN_FEATURES, trainWinModel } from '../win/winModel.js';
import type { RecordedModel } from './recordedModels.js';
import { WIN_CHECK_DAYS } from './recordedModels.js';

/** One open deal's win probability as of a day, with the model's reasons. */
export interface WinScore {
  readonly opportunityId: string;
  readonly name: string;
  readonly ownerId: string;
  readonly stageId: string;
  readonly amountMinor: number;
  readonly currency: string;
  /** The probability shown: the shipped scorer's (see {@link WinScores.shown}). */
  readonly probability: number;
  readonly modelProbability: number;
  readonly stageProbability: number;
  /** The model's largest contributions, with signs (log-odds). */
  readonly reasons: readonly Contribution[];
}

/** Win scores of the open deals as of a day, and which scorer the probability shown comes from. */
export interface WinScores {
  readonly asOf: string;
  /** `model` where the model beat the baselines on this log's own check, else the baseline. */
  readonly shown: string;
  /** The log's own time-split check: trained up to `asOf − checkDays`, scored on what closed by `asOf`. */
  readonly check: ProbabilityBacktest;
  /** The training cut-off of the model that scored the deals. */
  readonly trainedUpTo: string;
  /** The recorded training that scored the deals; null when none was recorded by `asOf`. */
  readonly recorded: { readonly version: number; readonly recordedOn: string } | null;
  readonly trainingCases: number;
  readonly scores: readonly WinScore[];
}

/**
 * The win probability of every open deal the actor may read (`Opportunity.read`: a rep sees their
 * own deals only), as of `asOf`, from the events that happened by then and nothing later. The
 * scores come from the recorded training in force on `asOf` when one is given (see
 * `recordedModelAsOf`), so a day's scores are the ones that model gave; otherwise a model is
 * trained on the log up to `asOf`. Which probability is shown is decided on this log, not assumed:
 * the model is backtested with a cut-off `WIN_CHECK_DAYS` earlier, scored on the deals that closed
 * by `asOf`, and shown only if it beats both baselines there (a recorded training keeps the choice
 * its own check made); otherwise the stage's default probability (or overall win rate) is shown.
 */
export const winScoresAsOf = (
  events: readonly DatedEvent<OpportunityEvent>[],
  asOf: string,
  access: ReadAccess,
  recorded?: RecordedModel,
): E.Either<AuthorizationDenial, WinScores> => {
  const scope = access.scope('Opportunity.read');
  if (E.isLeft(scope)) return scope;
  const known = events.filter((event) => event.day <= asOf);
  const check = backtestWinProbability(known, [shiftDay(asOf, -WIN_CHECK_DAYS)]);
  const model =
    recorded === undefined
      ? trainWinModel(known, asOf)
      : scoringModelFrom(WIN_FEATURES, recorded.parameters);
  const shownScorer = recorded?.shown ?? check.chosen;
  const overall = [...dealsAsOf(known, asOf).values()];
  const closed = overall.filter((deal) => deal.outcome !== 'open');
  const winRate =
    closed.length === 0
      ? 0.5
      : closed.filter((deal) => deal.outcome === 'won').length / closed.length;
  const scores = overall
    .filter((deal) => deal.outcome === 'open' && inReadScope(scope.right, deal.ownerId))
    .map((deal) => {
      const item = { deal, day: asOf };
      const modelProbability = model.score(item);
      const shown: Record<string, number> = {
        model: modelProbability,
        stageDefault: deal.stageProbability,
        overallRate: winRate,
      };
      return {
        opportunityId: deal.opportunityId,
        name: deal.name,
        ownerId: deal.ownerId,
        stageId: deal.stageId,
        amountMinor: deal.amountMinor,
        currency: deal.currency,
        probability: shown[shownScorer] ?? deal.stageProbability,
        modelProbability,
        stageProbability: deal.stageProbability,
        reasons: model.explain(item).slice(0, 3),
      };
    })
    .sort(
      (a, b) => b.probability - a.probability || a.opportunityId.localeCompare(b.opportunityId),
    );
  return E.right({
    asOf,
    shown: shownScorer,
    check,
    trainedUpTo: recorded?.trainedUpTo ?? asOf,
    recorded:
      recorded === undefined
        ? null
        : { version: recorded.version, recordedOn: recorded.recordedOn },
    trainingCases: model.trainedOn.cases,
    scores,
  });
};
