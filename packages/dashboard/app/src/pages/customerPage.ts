import type { CustomerView } from '../../../src/api/dashboardJson.js';
import { getJson } from '../api.js';
import { h } from '../dom.js';

const asOfForm = (query: URLSearchParams): HTMLElement =>
  h(
    'form',
    { class: 'as-of-control', method: 'get', 'aria-label': 'As of' },
    h(
      'label',
      {},
      'As of (UTC)',
      h('input', {
        type: 'datetime-local',
        step: '1',
        name: 'asOf',
        value: query.get('asOf') ?? '',
      }),
    ),
    h(
      'label',
      { class: 'toggle' },
      h('input', {
        type: 'checkbox',
        name: 'effective',
        value: '1',
        ...(query.get('effective') === '1' ? { checked: '' } : {}),
      }),
      'Effective time: what had happened by then, as known today',
    ),
    h('button', { type: 'submit' }, 'Show'),
    h('a', { href: location.pathname }, 'Now'),
  );

const when = (view: CustomerView): string =>
  view.asOf === null
    ? 'now'
    : view.asOf.effective
      ? `as effective at ${view.asOf.at}`
      : `as known at ${view.asOf.at}`;

/** A customer's timeline and state, now or as of a chosen moment. */
export const customerPage = async (
  customerId: string,
  query: URLSearchParams,
): Promise<HTMLElement[]> => {
  const view = await getJson<CustomerView>(
    `/api/customers/${encodeURIComponent(customerId)}?${query}`,
  );
  return [
    h('h1', {}, `Customer ${view.customerId}`),
    asOfForm(query),
    h(
      'p',
      { class: 'timeline-summary', 'data-events': String(view.timeline.length) },
      `${view.timeline.length} events, ${when(view)}`,
      view.withheld === 0 ? '' : ` (${view.withheld} of streams your role may not read left out)`,
    ),
    h(
      'table',
      { class: 'records timeline' },
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          ...['occurred', 'recorded', 'stream', 'event', 'actor'].map((c) =>
            h('th', { scope: 'col' }, c),
          ),
        ),
      ),
      h(
        'tbody',
        {},
        ...view.timeline.map((item) =>
          h(
            'tr',
            { 'data-position': item.position },
            h('td', {}, item.occurredAt),
            h('td', {}, item.recordedAt),
            h('td', {}, item.streamName),
            h('td', {}, item.type),
            h('td', {}, item.actor),
          ),
        ),
      ),
    ),
    h('h2', {}, `State ${when(view)}`),
    h('pre', { class: 'state', tabindex: '0' }, JSON.stringify(view.state, null, 2)),
  ];
};
