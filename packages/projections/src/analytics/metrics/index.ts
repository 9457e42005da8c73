export type { ScoredOutcome } from './auc.js';
export { areaUnderCurve } from './auc.js';
export { brierScore } from './brier.js';
export type { CalibrationBin } from './calibration.js';
export { calibrationTable } from './calibration.js';
export type { ForecastOutcome } from './mape.js';
export { meanAbsolutePercentageError } from './mape.js';
