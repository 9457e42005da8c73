import { describe, expect, it } from 'vitest';
import { dealEvents as on } from '../testing/dealEvents.js';
import { actualBookings, forecastBookings, naiveForecasts } from './bookingsForecast.js';
import { dealsAsOf } from '../history/dealHistory.js';

// Previous period (2026-01-01, 2026-02-01]; forecast period (2026-02-01, 2026-03-01].
const window = { previousFrom: '2026-01-01', from: '2026-02-01', to: '2026-03-01' };
const log = [
  // open at the start of the previous period, proposal (60 %): 1,000 + 1,000 expected 1,200, won 900
  on.opened('2025-12-01', 'a', 1_000),
  on.opened('2025-12-02', 'b', 1_000),
  on.won('2026-01-15', 'a', 900),
  on.lost('2026-01-20', 'b'),
  // opened and won within the previous period: the run rate, 300
  on.opened('2026-01-10', 'c', 300),
  on.won('2026-01-25', 'c', 300),
  // open at the cut-off: 2,000 at 60 %; negotiation (80 %) 500
  on.opened('2026-01-28', 'd', 2_000),
  on.opened('2026-01-29', 'e', 500, { stageId: 'negotiation' }),
  // what happens in the forecast period
  on.won('2026-02-20', 'd', 1_800),
];

describe('bookings forecast', () => {
  it('is the open pipeline times stage probabilities scaled by last period’s yield, plus last period’s run rate', () => {
    const forecast = forecastBookings(log, window, 'EUR');
    // yield: 900 won ÷ 1,200 expected = 0.75; pipeline: 2,000 × 0.6 × 0.75 + 500 × 0.8 × 0.75 = 1,200
    expect(forecast.calibration).toBeCloseTo(0.75, 12);
    expect(forecast.pipeline).toBeCloseTo(120_000, 6);
    expect(forecast.runRate).toBe(30_000);
    expect(forecast.forecast).toBeCloseTo(150_000, 6);
    expect(forecast.low).toBeLessThan(forecast.forecast);
    expect(forecast.high).toBeGreaterThan(forecast.forecast);
  });

  it('takes the naive baselines from the cut-off: last period’s bookings and the stage-weighted pipeline', () => {
    expect(naiveForecasts(log, window, 'EUR')).toEqual({
      lastPeriod: 120_000,
      weightedPipeline: 160_000,
    });
  });

  it('compares with what the whole log says was won in the period', () => {
    expect(actualBookings(dealsAsOf(log, '2026-12-31'), window, 'EUR')).toBe(180_000);
  });
});
