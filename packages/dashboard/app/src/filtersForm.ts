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

/** A text or date filter: its query parameter, its label, and a hint while it is empty. */
interface FilterField {
  readonly name: string;
  readonly label: string;
  readonly type: 'date' | 'text';
  readonly placeholder?: string;
}

/** The input of a filter, filled with the value the address gives it. */
const field = ({ name, label, type, placeholder = '' }: FilterField, query: URLSearchParams) =>
  h('label', {}, label, h('input', { name, type, value: query.get(name) ?? '', placeholder }));

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
    field({ name: 'from', label: 'From', type: 'date' }, query),
    field({ name: 'to', label: 'To', type: 'date' }, query),
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
    field({ name: 'group', label: 'Group', type: 'text', placeholder: 'all groups' }, query),
    field({ name: 'owner', label: 'Owner', type: 'text', placeholder: 'all owners' }, query),
    h('button', { type: 'submit' }, 'Apply'),
    h('a', { href: location.pathname, class: 'reset' }, 'Clear filters'),
  );
