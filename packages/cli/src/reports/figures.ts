import type { MoneyByCurrency, Ratio } from '@clientele/projections';
import { roundHalfEven } from '@clientele/projections';

/** How many decimals a currency's minor unit has (2 for EUR, 0 for JPY; 2 if unknown). */
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

/** An amount in minor units as a decimal with a dot and no separators: `97500.00`. */
export const decimalAmount = (minor: number, currency: string): string => {
  const digits = minorDigits(currency);
  if (digits === 0) return String(minor);
  const sign = minor < 0 ? '-' : '';
  const text = String(Math.abs(minor)).padStart(digits + 1, '0');
  return `${sign}${text.slice(0, -digits)}.${text.slice(-digits)}`;
};

/** Money per currency for people, `EUR 1,234.50; USD 10.00`; nothing is summed across currencies. */
export const formatMoney = (money: MoneyByCurrency): string => {
  const entries = Object.entries(money).filter(([, minor]) => minor !== 0);
  if (entries.length === 0) return '0.00';
  return entries
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency, minor]) => {
      const [whole = '0', fraction] = decimalAmount(minor, currency).split('.');
      const grouped = BigInt(whole).toLocaleString('en-US');
      const signed = whole.startsWith('-') && grouped === '0' ? '-0' : grouped;
      return `${currency} ${signed}${fraction === undefined ? '' : `.${fraction}`}`;
    })
    .join('; ');
};

/** The amount of one currency in major units, for drawing a chart to scale. */
export const majorUnits = (money: MoneyByCurrency, currency: string): number =>
  (money[currency] ?? 0) / 10 ** minorDigits(currency);

/** The currency with the largest total in a list of amounts: what a chart draws and rows sort by. */
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
    : Math.round(ratio.value * 10_000) / 100;

/** Per-currency ratios as percentages. */
export const percentByCurrency = (
  ratios: Readonly<Record<string, Ratio>>,
): Readonly<Record<string, number | null>> =>
  Object.fromEntries(Object.entries(ratios).map(([currency, r]) => [currency, percent(r)]));

/** Per-currency ratios of minor units (cost per lead) as whole minor units, rounded half-even. */
export const moneyOfRatios = (ratios: Readonly<Record<string, Ratio>>): MoneyByCurrency =>
  Object.fromEntries(
    Object.entries(ratios)
      .filter(([, r]) => r.denominator !== 0)
      .map(([currency, r]) => [
        currency,
        Number(roundHalfEven(BigInt(r.numerator), BigInt(r.denominator))),
      ]),
  );

/** Days (or minutes, or a score) with one decimal, for medians and means. */
export const oneDecimal = (value: number | null): number | null =>
  value === null ? null : Math.round(value * 10) / 10;
