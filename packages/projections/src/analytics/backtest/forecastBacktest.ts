import type { OpportunityEvent } from '@clientele/domain';
import type { DatedEvent } from '../history/datedEvents.js';
import { lastDay } from '../history/datedEvents.js';
import { dealsAsOf } from '../history/dealHistory.js';
import type { ForecastWindow } from '../forecast/bookingsForecast.js';
import { actualBookings, forecastBookings, naiveForecasts } from '../forecast/bookingsForecast.js';
import { meanAbsolutePercentageError } from '../metrics/mape.js';

/** One period of a forecast backtest, amounts in minor units. */
export interface ForecastBacktestRow {
  readonly from: string;
  readonly to: string;
  readonly actual: number;
  readonly model: number;
  readonly low: number;
  readonly high: number;
  readonly lastPeriod: number;
  readonly weightedPipeline: number;
}

/** The outcome of a forecast backtest. */
export interface ForecastBacktest {
  readonly currency: string;
  readonly rows: readonly ForecastBacktestRow[];
  /** MAPE (fraction) of each forecaster over the rows; null when an actual is 0. */
  readonly mape: {
    readonly model: number | null;
    readonly lastPeriod: number | null;
    readonly weightedPipeline: number | null;
  };
  /** The share of periods whose actual fell inside the model's 80 % interval. */
  readonly intervalCoverage: number | null;
  /** What ships: the model only where its MAPE is lower than both baselines'. */
  readonly chosen: 'model' | 'lastPeriod' | 'weightedPipeline';
}

const mapeOf = (rows: readonly ForecastBacktestRow[], pick: (row: ForecastBacktestRow) => number) =>
  meanAbsolutePercentageError(rows.map((row) => ({ actual: row.actual, forecast: pick(row) }))) ??
  null;

/**
 * Backtests the bookings forecast period by period: each window is forecast from the log as of its
 * start and compared with what the whole log says was won in it, beside the naive baselines.
 */
export const backtestBookingsForecast = (
  events: readonly DatedEvent<OpportunityEvent>[],
  windows: readonly ForecastWindow[],
  currency: string,
): ForecastBacktest => {
  const final = dealsAsOf(events, lastDay(events) ?? '');
  const rows = windows.map((window) => {
    const model = forecastBookings(events, window, currency);
    const naive = naiveForecasts(events, window, currency);
    return {
      from: window.from,
      to: window.to,
      actual: actualBookings(final, window, currency),
      model: model.forecast,
      low: model.low,
      high: model.high,
      ...naive,
    };
  });
  const mape = {
    model: mapeOf(rows, (row) => row.model),
    lastPeriod: mapeOf(rows, (row) => row.lastPeriod),
    weightedPipeline: mapeOf(rows, (row) => row.weightedPipeline),
  };
  const inside = rows.filter((row) => row.actual >= row.low && row.actual <= row.high).length;
  const baselines = (['lastPeriod', 'weightedPipeline'] as const).map((name) => ({
    name,
    mape: mape[name] ?? Infinity,
  }));
  const bestBaseline = baselines.reduce((a, b) => (b.mape < a.mape ? b : a));
  const chosen =
    mape.model !== null && mape.model < bestBaseline.mape ? 'model' : bestBaseline.name;
  return {
    currency,
    rows,
    mape,
    intervalCoverage: rows.length === 0 ? null : inside / rows.length,
    chosen,
  };
};
