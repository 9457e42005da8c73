import type { EventFilter } from '@clientele/eventstore';

/** A filter as a SQL condition plus its parameters, numbered from `firstParameter`. */
export interface FilterSql {
  readonly condition: string;
  readonly values: readonly unknown[];
}

/** Translates the port's filter to SQL, so filtering happens in the database. */
export const eventFilterSql = (
  filter: EventFilter | undefined,
  firstParameter: number,
): FilterSql => {
  const conditions: string[] = [];
  const values: unknown[] = [];
  if (filter?.streamNamePrefixes !== undefined) {
    values.push(filter.streamNamePrefixes);
    conditions.push(`stream_name ^@ any($${firstParameter + values.length - 1}::text[])`);
  }
  if (filter?.eventTypes !== undefined) {
    values.push(filter.eventTypes);
    conditions.push(`type = any($${firstParameter + values.length - 1}::text[])`);
  }
  return { condition: conditions.length === 0 ? 'true' : conditions.join(' and '), values };
};
