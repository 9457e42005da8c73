export { Ratio, ratio } from './ratio.js';
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
