import type { EventFilter } from '@clientele/eventstore';

/** A filter as a SQL condition over the `events` table, with its parameters in order. */
export interface FilterSql {
  readonly condition: string;
  readonly params: readonly string[];
}

/**
 * Translates a port filter into SQL; no filter is `1 = 1`. Prefixes compare with `substr`, not
 * `LIKE`, so `%` and `_` in a prefix are plain characters and the match is case-sensitive, as in
 * every other engine. The condition's text depends only on the filter's shape, so the prepared
 * statement cache (keyed by SQL text) holds one statement per shape.
 */
export const filterSql = (filter: EventFilter | undefined): FilterSql => {
  const parts: string[] = [];
  const params: string[] = [];
  const prefixes = filter?.streamNamePrefixes ?? [];
  if (filter?.streamNamePrefixes !== undefined) {
    parts.push(
      prefixes.length === 0
        ? '0'
        : `(${prefixes.map(() => 'substr(stream_name, 1, length(?)) = ?').join(' OR ')})`,
    );
    for (const prefix of prefixes) params.push(prefix, prefix);
  }
  const types = filter?.eventTypes ?? [];
  if (filter?.eventTypes !== undefined) {
    parts.push(types.length === 0 ? '0' : `type IN (${types.map(() => '?').join(', ')})`);
    params.push(...types);
  }
  const condition = parts.length === 0 ? '1 = 1' : parts.join(' AND ');
  return { condition, params };
};
