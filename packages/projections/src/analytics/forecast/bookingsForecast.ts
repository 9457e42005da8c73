import type { OpportunityEvent } from '@clientele/domain';
import type { DatedEvent } from '../history/datedEvents.js';
import type { DealFacts } from '../history/dealHistory.js';
import { dealsAsOf } from '../history/dealHistory.js';

/** The z of a two-sided 80 % normal interval. */
const Z80 = 1.2816;

/** A forecast of the bookings (won amounts, minor units) of the period after a cut-off. */
export interface BookingsForecast {
  /** The period forecast: after `from`, up to and including `to`. */
  readonly from: string;
  readonly to: string;
  readonly currency: string;
  readonly forecast: number;
  /** The 80 % interval around the forecast (normal approximation). */
  readonly low: number;
  readonly high: number;
  /** Parts of the forecast: the open pipeline times calibrated probabilities, and the run rate. */
  readonly pipeline: number;
  readonly runRate: number;
  /** The factor the stage probabilities were scaled by, learned from the previous period. */
  readonly calibration: number;
}

/** A period before the one forecast, `(from, to]`, of the same length. */
export interface ForecastWindow {
  readonly previousFrom: string;
  readonly from: string;
  readonly to: string;
}

/**
 * The deals in id order: sums of floating-point amounts depend on their order, and the log's
 * interleaving of streams must not change a forecast.
 */
const inIdOrder = (deals: ReadonlyMap<string, DealFacts>): DealFacts[] =>
  [...deals.values()].sort((a, b) => a.opportunityId.localeCompare(b.opportunityId));

const openOn = (deals: ReadonlyMap<string, DealFacts>, currency: string): DealFacts[] =>
  inIdOrder(deals).filter((deal) => deal.outcome === 'open' && deal.currency === currency);

const weighted = (deals: readonly DealFacts[]): number =>
  deals.reduce((sum, deal) => sum + deal.amountMinor * deal.stageProbability, 0);

/** Deals won within `(from, to]` as known on `to`. */
const wonWithin = (
  deals: ReadonlyMap<string, DealFacts>,
  from: string,
  to: string,
  currency: string,
) =>
  inIdOrder(deals).filter(
    (deal) =>
      deal.outcome === 'won' &&
      deal.currency === currency &&
      deal.closedOn !== null &&
      deal.closedOn > from &&
      deal.closedOn <= to,
  );

/**
 * Next period's bookings in one currency, from the log as of the cut-off (`window.from`) only:
 *
 * - **pipeline:** each deal open on the cut-off, its amount times its stage's default
 *   probability times a calibration factor: what the pipeline open at the start of the previous
 *   period actually won within that period, divided by what its stage probabilities said it would;
 * - **run rate:** what the previous period won from deals opened within it (deals that come and
 *   close inside one period, which no open pipeline shows);
 * - **interval:** the 80 % normal interval of the sum of independent wins (each open deal won
 *   with its calibrated probability, the run rate varying as its deals' squared amounts), a
 *   documented approximation, not a guarantee.
 */
export const forecastBookings = (
  events: readonly DatedEvent<OpportunityEvent>[],
  window: ForecastWindow,
  currency: string,
): BookingsForecast => {
  const atPrevious = dealsAsOf(events, window.previousFrom);
  const atCutOff = dealsAsOf(events, window.from);
  const previousOpen = openOn(atPrevious, currency);
  const previousIds = new Set(previousOpen.map((deal) => deal.opportunityId));
  const wonLastPeriod = wonWithin(atCutOff, window.previousFrom, window.from, currency);
  const fromPipeline = wonLastPeriod.filter((deal) => previousIds.has(deal.opportunityId));
  const fromNewDeals = wonLastPeriod.filter((deal) => !previousIds.has(deal.opportunityId));
  const expected = weighted(previousOpen);
  const realized = fromPipeline.reduce((sum, deal) => sum + deal.wonAmountMinor, 0);
  const calibration = expected === 0 ? 1 : realized / expected;
  const open = openOn(atCutOff, currency);
  let pipeline = 0;
  let variance = 0;
  for (const deal of open) {
    const p = Math.min(1, deal.stageProbability * calibration);
    pipeline += deal.amountMinor * p;
    variance += deal.amountMinor ** 2 * p * (1 - p);
  }
  const runRate = fromNewDeals.reduce((sum, deal) => sum + deal.wonAmountMinor, 0);
  variance += fromNewDeals.reduce((sum, deal) => sum + deal.wonAmountMinor ** 2, 0);
  const forecast = pipeline + runRate;
  const spread = Z80 * Math.sqrt(variance);
  return {
    from: window.from,
    to: window.to,
    currency,
    forecast,
    low: Math.max(0, forecast - spread),
    high: forecast + spread,
    pipeline,
    runRate,
    calibration,
  };
};

/** The naive baselines of a forecast: last period's bookings, and the stage-weighted pipeline. */
export const naiveForecasts = (
  events: readonly DatedEvent<OpportunityEvent>[],
  window: ForecastWindow,
  currency: string,
): { readonly lastPeriod: number; readonly weightedPipeline: number } => {
  const atCutOff = dealsAsOf(events, window.from);
  return {
    lastPeriod: wonWithin(atCutOff, window.previousFrom, window.from, currency).reduce(
      (sum, deal) => sum + deal.wonAmountMinor,
      0,
    ),
    weightedPipeline: weighted(openOn(atCutOff, currency)),
  };
};

/** The bookings actually won within the window, as the whole log knows them. */
export const actualBookings = (
  final: ReadonlyMap<string, DealFacts>,
  window: ForecastWindow,
  currency: string,
): number =>
  wonWithin(final, window.from, window.to, currency).reduce(
    (sum, deal) => sum + deal.wonAmountMinor,
    0,
  );
