export type { BacktestDataset, DatasetBacktest } from './backtestDataset.js';
export { BACKTEST_DATASETS, BACKTEST_SPLITS, backtestDataset } from './backtestDataset.js';
export {
  SCORER_LABELS,
  backtestText,
  calibrationTableText,
  forecastTable,
  probabilityTable,
} from './backtestTables.js';
