/** One scored case of a backtest: the predicted probability and what happened (1 won, 0 not). */
export interface ScoredOutcome {
  readonly probability: number;
  readonly outcome: 0 | 1;
}

/**
 * The area under the ROC curve: the chance that a randomly picked positive case is scored above a
 * randomly picked negative one, ties counting one half (the Mann–Whitney U statistic divided by
 * the number of positive–negative pairs). Cases are ranked once, tied scores sharing their mean
 * rank, so it costs a sort. Undefined when either class is empty: there is no pair to rank.
 */
export const areaUnderCurve = (cases: readonly ScoredOutcome[]): number | undefined => {
  const sorted = [...cases].sort((a, b) => a.probability - b.probability);
  let positives = 0;
  let positiveRankSum = 0;
  let start = 0;
  while (start < sorted.length) {
    let end = start;
    while (end + 1 < sorted.length && sorted[end + 1]?.probability === sorted[start]?.probability)
      end += 1;
    // ranks are 1-based; the tied run start..end shares the mean of its ranks
    const meanRank = (start + end) / 2 + 1;
    for (let i = start; i <= end; i += 1) {
      if (sorted[i]?.outcome === 1) {
        positives += 1;
        positiveRankSum += meanRank;
      }
    }
    start = end + 1;
  }
  const negatives = sorted.length - positives;
  if (positives === 0 || negatives === 0) return undefined;
  return (positiveRankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
};
