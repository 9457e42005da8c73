import type { AnomalyList } from '../../../src/api/anomalyList.js';
import { getJson } from '../api.js';
import { h } from '../dom.js';

const COLUMNS = ['observed', 'actor', 'rule', 'customers', 'baseline', 'threshold', 'cause'];

/** The administrators' page of unusual access, oldest first; a refusal shows as a 403 page. */
export const anomaliesPage = async (): Promise<HTMLElement[]> => {
  const { anomalies } = await getJson<AnomalyList>('/api/anomalies');
  return [
    h('h1', {}, 'Access anomalies'),
    h(
      'p',
      {},
      `${anomalies.length} unusual access${anomalies.length === 1 ? '' : 'es'}: reading or exporting many more customers than the actor's own baseline, exports outside working hours or after notice.`,
    ),
    h(
      'table',
      { class: 'records', 'data-anomalies': 'all' },
      h('thead', {}, h('tr', {}, ...COLUMNS.map((title) => h('th', { scope: 'col' }, title)))),
      h(
        'tbody',
        {},
        ...anomalies.map((a) =>
          h(
            'tr',
            { 'data-rule': a.rule },
            h('td', {}, a.observedAt),
            h('td', {}, `${a.actorId} (${a.role})`),
            h('td', {}, a.rule),
            h('td', { class: 'number' }, String(a.customers)),
            h('td', { class: 'number' }, String(a.baseline)),
            h('td', { class: 'number' }, String(a.threshold)),
            h('td', {}, a.causeEventId),
          ),
        ),
      ),
    ),
  ];
};
