import { h } from './dom.js';

const select = (name: string, label: string, options: readonly [string, string][], value: string) =>
  h(
    'label',
    {},
    label,
    h(
      'select',
      { name },
      ...options.map(([code, text]) =>
        h('option', { value: code, ...(code === value ? { selected: '' } : {}) }, text),
      ),
    ),
  );

const field = (name: string, label: string, type: string, value: string, placeholder = '') =>
  h('label', {}, label, h('input', { name, type, value, placeholder }));

/**
 * The filters of the overview and team pages (period, days, grouping, group, owner), as a plain
 * GET form: submitting it puts the filters in the address, so a filtered view can be shared.
 */
export const filtersForm = (query: URLSearchParams): HTMLElement =>
  h(
    'form',
    { class: 'filters', method: 'get', 'aria-label': 'Filters' },
    select(
      'period',
      'Period',
      [
        ['quarter', 'Quarter'],
        ['month', 'Month'],
        ['year', 'Year'],
        ['all', 'All time'],
      ],
      query.get('period') ?? 'quarter',
    ),
    field('from', 'From', 'date', query.get('from') ?? ''),
    field('to', 'To', 'date', query.get('to') ?? ''),
    select(
      'by',
      'Group by',
      [
        ['rep', 'Rep'],
        ['team', 'Team'],
        ['office', 'Office'],
      ],
      query.get('by') ?? 'rep',
    ),
    field('group', 'Group', 'text', query.get('group') ?? '', 'all groups'),
    field('owner', 'Owner', 'text', query.get('owner') ?? '', 'all owners'),
    h('button', { type: 'submit' }, 'Apply'),
    h('a', { href: location.pathname, class: 'reset' }, 'Clear filters'),
  );
