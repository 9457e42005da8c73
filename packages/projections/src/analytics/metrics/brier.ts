import type { ScoredOutcome } from './auc.js';

/**
 * The Brier score: the mean squared difference between the predicted probability and the outcome
 * (0 is perfect; always predicting 0.5 scores 0.25). Undefined for no cases.
 */
export const brierScore = (cases: readonly ScoredOutcome[]): number | undefined => {
  if (cases.length === 0) return undefined;
  let sum = 0;
  for (const { probability, outcome } of cases) sum += (probability - outcome) ** 2;
  return sum / cases.length;
};
