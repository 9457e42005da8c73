/**
 * Summary of stored durations, computed at query time (never kept as running values, which cannot
 * be merged or corrected).
 */
export interface DurationSummary {
  readonly count: number;
  /** Null when there is no duration. */
  readonly mean: number | null;
  readonly median: number | null;
}

/**
 * The p-th percentile (0 ≤ p ≤ 100) by linear interpolation between closest ranks, the definition
 * of spreadsheets' PERCENTILE.INC and numpy's default. Null for no values.
 */
export const percentile = (values: readonly number[], p: number): number | null => {
  if (p < 0 || p > 100) throw new RangeError(`percentile ${p} is outside 0..100`);
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p / 100) * (sorted.length - 1);
  const below = Math.floor(rank);
  const lower = sorted[below] as number;
  const upper = sorted[Math.min(below + 1, sorted.length - 1)] as number;
  return lower + (upper - lower) * (rank - below);
};

/** Count, mean and median of durations (any unit; reports use days or hours and say which). */
export const summarizeDurations = (values: readonly number[]): DurationSummary => ({
  count: values.length,
  mean: values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length,
  median: percentile(values, 50),
});
