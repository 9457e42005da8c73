import type { DrillCell, DrillTable } from '../../../src/api/dashboardJson.js';
import { getJson } from '../api.js';
import { h } from '../dom.js';

const cell = (value: DrillCell): HTMLElement =>
  h(
    'td',
    value.numeric === true ? { class: 'number' } : {},
    value.href === undefined ? value.text : h('a', { href: value.href }, value.text),
  );

/** The records behind a figure, as a table whose ids link to their pages. */
export const drillPage = async (kind: string, query: URLSearchParams): Promise<HTMLElement[]> => {
  const table = await getJson<DrillTable>(`/api/drill/${encodeURIComponent(kind)}?${query}`);
  return [
    h('h1', {}, table.title),
    h('p', { class: 'count' }, `${table.rows.length} ${kind}`),
    h(
      'table',
      { class: 'records', 'data-drill': kind },
      h(
        'thead',
        {},
        h('tr', {}, ...table.columns.map((column) => h('th', { scope: 'col' }, column))),
      ),
      h('tbody', {}, ...table.rows.map((row) => h('tr', {}, ...row.map(cell)))),
    ),
    h('p', {}, h('a', { href: '/' }, 'Back to the overview')),
  ];
};
