/** A forecast of one period beside what happened. */
export interface ForecastOutcome {
  readonly forecast: number;
  readonly actual: number;
}

/**
 * The mean absolute percentage error, as a fraction (0.1 is 10 %): the mean of |actual − forecast|
 * ÷ |actual|. A period whose actual is 0 has no percentage error, so it is refused: the result is
 * undefined, as it is for no periods.
 */
export const meanAbsolutePercentageError = (
  periods: readonly ForecastOutcome[],
): number | undefined => {
  if (periods.length === 0 || periods.some(({ actual }) => actual === 0)) return undefined;
  let sum = 0;
  for (const { forecast, actual } of periods) sum += Math.abs(actual - forecast) / Math.abs(actual);
  return sum / periods.length;
};
