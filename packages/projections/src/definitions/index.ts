export { Ratio, ratio, roundHalfEven } from './ratio.js';
export { Period, periodOf } from './periods.js';
export {
  MoneyByCurrency,
  NO_MONEY,
  addAmount,
  addTotals,
  amountIn,
  subtractTotals,
} from './moneyByCurrency.js';
export type { DurationSummary } from './percentiles.js';
export { percentile, summarizeDurations } from './percentiles.js';
