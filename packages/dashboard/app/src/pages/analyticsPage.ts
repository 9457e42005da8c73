import type { Analytics } from '../../../src/api/dashboardJson.js';
import { getJson } from '../api.js';
import { chartFigure } from '../charts.js';
import { h } from '../dom.js';

/** The analytics page: segment movement, the calibration plot and the forecast's interval. */
export const analyticsPage = async (query: URLSearchParams): Promise<HTMLElement[]> => {
  const analytics = await getJson<Analytics>(`/api/analytics?${query}`);
  return [
    h('h1', {}, 'Analytics'),
    h('p', { class: 'as-of', 'data-as-of': analytics.asOf }, `As of ${analytics.asOf}`),
    h(
      'p',
      { class: 'explain' },
      'Model outputs, each explained in docs/analytics.md: segments by the RFM rules, win ' +
        'probabilities held against what happened, bookings forecast with its 80 % interval.',
    ),
    analytics.withheld.length === 0
      ? null
      : h('p', { class: 'withheld' }, `Not shown to your role: ${analytics.withheld.join('; ')}.`),
    h('div', { class: 'charts' }, ...analytics.charts.map(chartFigure)),
  ].filter((node): node is HTMLElement => node !== null);
};
