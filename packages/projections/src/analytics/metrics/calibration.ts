import type { ScoredOutcome } from './auc.js';

/** One row of a calibration table: the cases whose probability fell in [from, to). */
export interface CalibrationBin {
  readonly from: number;
  readonly to: number;
  readonly cases: number;
  /** The mean predicted probability of the bin's cases; null when the bin is empty. */
  readonly meanPredicted: number | null;
  /** The share of the bin's cases that happened; null when the bin is empty. */
  readonly observedRate: number | null;
}

/**
 * A calibration (reliability) table: the cases grouped into `bins` equal-width probability bins
 * (the last one closed, so a probability of 1 counts), each with its mean prediction and observed
 * rate. A well-calibrated model has the two close in every bin that holds enough cases.
 */
export const calibrationTable = (
  cases: readonly ScoredOutcome[],
  bins = 10,
): readonly CalibrationBin[] => {
  const sums = Array.from({ length: bins }, () => ({ cases: 0, predicted: 0, happened: 0 }));
  for (const { probability, outcome } of cases) {
    const index = Math.min(bins - 1, Math.max(0, Math.floor(probability * bins)));
    const bin = sums[index];
    if (bin === undefined) continue;
    bin.cases += 1;
    bin.predicted += probability;
    bin.happened += outcome;
  }
  return sums.map((bin, index) => ({
    from: index / bins,
    to: (index + 1) / bins,
    cases: bin.cases,
    meanPredicted: bin.cases === 0 ? null : bin.predicted / bin.cases,
    observedRate: bin.cases === 0 ? null : bin.happened / bin.cases,
  }));
};
