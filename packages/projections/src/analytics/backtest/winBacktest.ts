import type { OpportunityEvent } from '@clientele/domain';
import type { DatedEvent } from '../history/datedEvents.js';
import { lastDay } from '../history/datedEvents.js';
import { dealsAsOf } from '../history/dealHistory.js';
import type { WinModelOptions } from '../win/winModel.js';
import { DEFAULT_WIN_MODEL_OPTIONS, trainWinModel } from '../win/winModel.js';
import type { ScoredCase, ScorerResult } from './comparison.js';
import { chooseDefault, judgeScorer } from './comparison.js';

/** The outcome of a win-probability backtest. */
export interface ProbabilityBacktest {
  readonly cutOffs: readonly string[];
  /** The model first, then the baselines. */
  readonly results: readonly ScorerResult[];
  /** The scorer that ships as the default: the model only where it beats every baseline. */
  readonly chosen: string;
}

/** Deals won and lost by the day, as a rate (0.5 with no closed deal yet). */
const overallWinRate = (deals: Iterable<{ readonly outcome: string }>): number => {
  let won = 0;
  let closed = 0;
  for (const { outcome } of deals) {
    if (outcome === 'won') won += 1;
    if (outcome !== 'open') closed += 1;
  }
  return closed === 0 ? 0.5 : won / closed;
};

/**
 * Backtests the win model with a time split at each cut-off: the model learns from the log up to
 * the cut-off; the deals open on the cut-off whose outcome the log records later are scored as of
 * the cut-off and compared with what happened. Deals still open at the end of the log have no
 * outcome and are left out. Baselines: the stage's default probability (`stageDefault`) and the
 * win rate of the deals closed by the cut-off (`overallRate`). The holdouts of all cut-offs are
 * pooled.
 */
export const backtestWinProbability = (
  events: readonly DatedEvent<OpportunityEvent>[],
  cutOffs: readonly string[],
  options: WinModelOptions = DEFAULT_WIN_MODEL_OPTIONS,
): ProbabilityBacktest => {
  const final = dealsAsOf(events, lastDay(events) ?? '');
  const cases: ScoredCase[] = [];
  for (const cutOff of cutOffs) {
    const model = trainWinModel(events, cutOff, options);
    const known = dealsAsOf(events, cutOff);
    const rate = overallWinRate(known.values());
    for (const deal of known.values()) {
      const outcome = deal.outcome === 'open' ? final.get(deal.opportunityId)?.outcome : undefined;
      if (outcome !== 'won' && outcome !== 'lost') continue;
      cases.push({
        outcome: outcome === 'won' ? 1 : 0,
        scores: {
          model: model.score({ deal, day: cutOff }),
          stageDefault: deal.stageProbability,
          overallRate: rate,
        },
      });
    }
  }
  const model = judgeScorer('model', cases);
  const baselines = [judgeScorer('stageDefault', cases), judgeScorer('overallRate', cases)];
  return { cutOffs, results: [model, ...baselines], chosen: chooseDefault(model, baselines) };
};
