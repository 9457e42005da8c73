import type { EventFilter } from '@clientele/eventstore';

/** A filter as a SQL condition over the `events` table, with its parameters in order. */
export interface FilterSql {
  readonly condition: string;
  readonly params: readonly string[];
}

/** Stream name prefixes, as `substr` comparisons; an empty list matches nothing. */
const prefixCondition = (prefixes: readonly string[] | undefined): FilterSql | undefined => {
  if (prefixes === undefined) return undefined;
  if (prefixes.length === 0) return { condition: '0', params: [] };
  return {
    condition: `(${prefixes.map(() => 'substr(stream_name, 1, length(?)) = ?').join(' OR ')})`,
    params: prefixes.flatMap((prefix) => [prefix, prefix]),
  };
};

/** Event types, as `IN`; an empty list matches nothing. */
const typeCondition = (types: readonly string[] | undefined): FilterSql | undefined => {
  if (types === undefined) return undefined;
  if (types.length === 0) return { condition: '0', params: [] };
  return { condition: `type IN (${types.map(() => '?').join(', ')})`, params: [...types] };
};

/**
 * Translates a port filter into SQL; no filter is `1 = 1`. Prefixes compare with `substr`, not
 * `LIKE`, so `%` and `_` in a prefix are plain characters and the match is case-sensitive, as in
 * every other engine. The condition's text depends only on the filter's shape, so the prepared
 * statement cache (keyed by SQL text) holds one statement per shape.
 */
export const filterSql = (filter: EventFilter | undefined): FilterSql => {
  const conditions = [
    prefixCondition(filter?.streamNamePrefixes),
    typeCondition(filter?.eventTypes),
  ].filter((part) => part !== undefined);
  return conditions.length === 0
    ? { condition: '1 = 1', params: [] }
    : {
        condition: conditions.map((part) => part.condition).join(' AND '),
        params: conditions.flatMap((part) => part.params),
      };
};
