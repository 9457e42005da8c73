/**
 * Analytical CRM: scores, segments and forecasts rebuilt from the log, explained by their
 * features, and judged by time-split backtests against stated baselines (docs/analytics.md).
 */
export * from './metrics/index.js';
export * from './learning/index.js';
export * from './history/index.js';
export * from './backtest/index.js';
export * from './win/winModel.js';
export * from './conversion/conversionModel.js';
export * from './forecast/bookingsForecast.js';
export * from './forecast/forecastByGroup.js';
export * from './scores/winScores.js';
export * from './history/purchaseHistory.js';
export * from './segments/rfmSegments.js';
export * from './segments/lifetimeValue.js';
export * from './history/receivableHistory.js';
export * from './risk/riskRules.js';
export * from './risk/customerRisk.js';
export * from './scores/recordedModels.js';
export * from './scores/leadScores.js';
export * from './scores/scheduledRetraining.js';
