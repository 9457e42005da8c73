import type { DealDocument } from '@clientele/projections';
import { ratio } from '@clientele/projections';
import type { Kpi } from '@clientele/dashboard';
import { formatMoney, mainCurrency, majorUnits, percent } from '../reports/figures.js';

const totalOf = (amounts: readonly { amountMinor: number; currency: string }[]) => {
  const total: Record<string, number> = {};
  for (const { amountMinor, currency } of amounts)
    total[currency] = (total[currency] ?? 0) + amountMinor;
  return total;
};

const moneyKpi = (
  key: string,
  label: string,
  money: Readonly<Record<string, number>>,
  drill: string,
): Kpi => {
  const currency = mainCurrency([money]);
  return {
    key,
    label,
    value: currency === undefined ? 0 : majorUnits(money, currency),
    display: formatMoney(money),
    drill,
  };
};

/**
 * The sales headline figures of a set of deals: won revenue, win rate (won ÷ closed) and open
 * pipeline, each linking to the deals behind it with the page's filters kept.
 */
export const dealKpis = (deals: readonly DealDocument[], filters: string): Kpi[] => {
  const won = deals.filter((deal) => deal.outcome === 'won');
  const lost = deals.filter((deal) => deal.outcome === 'lost');
  const open = deals.filter((deal) => deal.outcome === 'open');
  const rate = percent(ratio(won.length, won.length + lost.length));
  const drill = (outcome: string) => `/drill/deals?outcome=${outcome}${filters}`;
  return [
    moneyKpi(
      'wonRevenue',
      'Won revenue',
      totalOf(won.flatMap((deal) => (deal.wonAmount === null ? [] : [deal.wonAmount]))),
      drill('won'),
    ),
    {
      key: 'winRate',
      label: `Win rate (${won.length} of ${won.length + lost.length} closed)`,
      value: rate,
      display: rate === null ? '—' : `${rate.toFixed(2)}%`,
      drill: drill('closed'),
    },
    moneyKpi('pipeline', 'Open pipeline', totalOf(open.map((deal) => deal.amount)), drill('open')),
  ];
};
