import type { Overview } from '../../../src/api/dashboardJson.js';
import { getJson } from '../api.js';
import { chartFigure } from '../charts.js';
import { h } from '../dom.js';
import { filtersForm } from '../filtersForm.js';
import { kpiCards } from '../kpiCards.js';

/** The overview: headline figures and a chart of every report, under the filters. */
export const overviewPage = async (query: URLSearchParams): Promise<HTMLElement[]> => {
  const overview = await getJson<Overview>(`/api/overview?${query}`);
  return [
    h('h1', {}, 'Overview'),
    h('p', { class: 'as-of', 'data-as-of': overview.asOf }, `As of ${overview.asOf}`),
    filtersForm(query),
    kpiCards(overview.kpis),
    overview.withheld.length === 0
      ? null
      : h('p', { class: 'withheld' }, `Not shown to your role: ${overview.withheld.join('; ')}.`),
    h('div', { class: 'charts' }, ...overview.charts.map(chartFigure)),
  ].filter((node): node is HTMLElement => node !== null);
};
