import type { Kpi } from '../../src/api/dashboardJson.js';
import { h } from './dom.js';

/** The headline figures as cards; each card links to the records behind its figure. */
export const kpiCards = (kpis: readonly Kpi[]): HTMLElement =>
  h(
    'ul',
    { class: 'kpis', 'aria-label': 'Headline figures' },
    ...kpis.map((kpi) =>
      h(
        'li',
        { class: 'kpi', 'data-kpi': kpi.key },
        h(
          'a',
          { href: kpi.drill },
          h('span', { class: 'kpi-label' }, kpi.label),
          h('span', { class: 'kpi-value' }, kpi.display),
        ),
      ),
    ),
  );
