import type { ScoredOutcome } from '../metrics/auc.js';
import { areaUnderCurve } from '../metrics/auc.js';
import { brierScore } from '../metrics/brier.js';
import type { CalibrationBin } from '../metrics/calibration.js';
import { calibrationTable } from '../metrics/calibration.js';

/** How one scorer did on the holdout. */
export interface ScorerResult {
  /** `model`, or the baseline's code (`stageDefault`, `overallRate`, `sourceRate`). */
  readonly scorer: string;
  readonly cases: number;
  readonly auc: number | null;
  readonly brier: number | null;
  readonly calibration: readonly CalibrationBin[];
}

/** The holdout of a probability backtest: each case scored by the model and by each baseline. */
export interface ScoredCase {
  readonly outcome: 0 | 1;
  readonly scores: Readonly<Record<string, number>>;
}

/** What the holdout says about one scorer. */
export const judgeScorer = (scorer: string, cases: readonly ScoredCase[]): ScorerResult => {
  const scored: ScoredOutcome[] = cases.map(({ outcome, scores }) => ({
    outcome,
    probability: scores[scorer] ?? Number.NaN,
  }));
  return {
    scorer,
    cases: scored.length,
    auc: areaUnderCurve(scored) ?? null,
    brier: brierScore(scored) ?? null,
    calibration: calibrationTable(scored),
  };
};

/**
 * The rule that decides what ships: the model beats a baseline when its AUC is higher (a constant
 * baseline ranks nothing, AUC 0.5) and its Brier score lower, both on the same holdout. A model
 * that does not beat every baseline does not ship; the best baseline by Brier score does.
 */
export const beats = (model: ScorerResult, baseline: ScorerResult): boolean =>
  model.auc !== null &&
  model.brier !== null &&
  model.auc > (baseline.auc ?? 0.5) &&
  model.brier < (baseline.brier ?? Number.POSITIVE_INFINITY);

/** The scorer that ships by the rule of {@link beats}. */
export const chooseDefault = (model: ScorerResult, baselines: readonly ScorerResult[]): string => {
  if (baselines.every((baseline) => beats(model, baseline))) return model.scorer;
  const best = [...baselines].sort(
    (a, b) => (a.brier ?? Number.POSITIVE_INFINITY) - (b.brier ?? Number.POSITIVE_INFINITY),
  )[0];
  return best?.scorer ?? model.scorer;
};
