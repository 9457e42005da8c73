import type { MoneyByCurrency, Ratio } from '@clientele/projections';

/** How many minor digits a currency's amounts have (2 for EUR, 0 for JPY; 2 if unknown). */
export const minorDigits = (currency: string): number => {
  try {
    return (
      new Intl.NumberFormat('en-US', { style: 'currency', currency }).resolvedOptions()
        .maximumFractionDigits ?? 2
    );
  } catch {
    return 2;
  }
};

/** Money per currency as text, `EUR 1,234.50; USD 10.00`; nothing is summed across currencies. */
export const formatMoney = (money: MoneyByCurrency): string => {
  const entries = Object.entries(money).filter(([, minor]) => minor !== 0);
  if (entries.length === 0) return '0';
  return entries
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency, minor]) => {
      const digits = minorDigits(currency);
      const major = (minor / 10 ** digits).toLocaleString('en-US', {
        minimumFractionDigits: digits,
        maximumFractionDigits: digits,
      });
      return `${currency} ${major}`;
    })
    .join('; ');
};

/** The amount of the report's main currency in major units, for drawing a chart to scale. */
export const majorUnits = (money: MoneyByCurrency, currency: string): number =>
  (money[currency] ?? 0) / 10 ** minorDigits(currency);

/** The currency with the largest total in a list of amounts: what a chart draws. */
export const mainCurrency = (amounts: readonly MoneyByCurrency[]): string | undefined => {
  const totals = new Map<string, number>();
  for (const money of amounts)
    for (const [currency, minor] of Object.entries(money))
      totals.set(currency, (totals.get(currency) ?? 0) + minor);
  return [...totals].sort(([, a], [, b]) => b - a)[0]?.[0];
};

/** A ratio as a percentage with two decimals; null (a zero denominator) stays null. */
export const percent = (ratio: Ratio | null | undefined): number | null =>
  ratio === null || ratio === undefined || ratio.value === null
    ? null
    : Math.round(Number(ratio.value) * 10_000) / 100;

/** Days with one decimal, for medians and means of durations. */
export const days = (value: number | null): number | null =>
  value === null ? null : Math.round(value * 10) / 10;
