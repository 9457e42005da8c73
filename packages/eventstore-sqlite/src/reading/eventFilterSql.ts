import type { EventFilter } from '@clientele/eventstore';

/** A filter as a SQL condition over the `events` table, with its parameters in order. */
export interface FilterSql {
  readonly condition: string;
  readonly params: readonly string[];
  /** Identifies the condition's shape, so prepared statements can be cached per shape. */
  readonly shape: string;
}

/** Translates a port filter into SQL; no filter is `1 = 1`. */
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
  return { condition, params, shape: condition };
};
