export type { ScoredCase, ScorerResult } from './comparison.js';
export { beats, chooseDefault, judgeScorer } from './comparison.js';
export type { ProbabilityBacktest } from './winBacktest.js';
export { backtestWinProbability } from './winBacktest.js';
export { backtestLeadConversion } from './conversionBacktest.js';
export type { ForecastBacktest, ForecastBacktestRow } from './forecastBacktest.js';
export { backtestBookingsForecast } from './forecastBacktest.js';
